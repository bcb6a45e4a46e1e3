package dev.llmworkbench.domain.models;

import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.tokens.ContextWindow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models the emulator answers for. Known OpenAI ids keep their published creation time and
 * embedding size; any other id is inferred from its name. The configured ids are the ones listed;
 * unless the catalog is strict, any other id is served too, as the tools people come from send
 * ids of their own ({@code codechat}, {@code google/gemma-3-4b-it}).
 */
public final class ModelCatalog {
    /** The BentoML emulator's models, then current ones. */
    public static final List<String> DEFAULT_IDS = List.of(
            "gpt-3.5-turbo", "gpt-3.5-turbo-0301", "gpt-3.5-turbo-0613", "gpt-3.5-turbo-16k",
            "gpt-4", "gpt-4-0314", "gpt-4-0613", "gpt-4-32k", "text-davinci-003", "text-davinci-002",
            "gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o3-mini", "gpt-5", "gpt-5-mini",
            "gpt-3.5-turbo-instruct", "davinci-002", "babbage-002", "text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002");

    private static final Map<String, ModelInfo> KNOWN = new LinkedHashMap<>();

    static {
        known("gpt-3.5-turbo", 1677610602, "openai", ModelKind.CHAT, 0);
        known("gpt-3.5-turbo-0301", 1677649963, "openai", ModelKind.CHAT, 0);
        known("gpt-3.5-turbo-0613", 1686587434, "openai", ModelKind.CHAT, 0);
        known("gpt-3.5-turbo-16k", 1683758102, "openai-internal", ModelKind.CHAT, 0);
        known("gpt-4", 1687882411, "openai", ModelKind.CHAT, 0);
        known("gpt-4-0314", 1687882410, "openai", ModelKind.CHAT, 0);
        known("gpt-4-0613", 1686588896, "openai", ModelKind.CHAT, 0);
        known("gpt-4-32k", 1687979321, "openai", ModelKind.CHAT, 0);
        known("text-davinci-003", 1669599635, "openai-internal", ModelKind.COMPLETION, 0);
        known("text-davinci-002", 1649880484, "openai", ModelKind.COMPLETION, 0);
        known("gpt-4o", 1715367049, "system", ModelKind.CHAT, 0);
        known("gpt-4o-mini", 1721172741, "system", ModelKind.CHAT, 0);
        known("gpt-4.1", 1744316542, "system", ModelKind.CHAT, 0);
        known("gpt-4.1-mini", 1744318173, "system", ModelKind.CHAT, 0);
        known("gpt-4.1-nano", 1744321707, "system", ModelKind.CHAT, 0);
        known("o3-mini", 1737146383, "system", ModelKind.CHAT, 0);
        known("gpt-5", 1754425777, "system", ModelKind.CHAT, 0);
        known("gpt-5-mini", 1754425928, "system", ModelKind.CHAT, 0);
        known("gpt-3.5-turbo-instruct", 1692901427, "system", ModelKind.COMPLETION, 0);
        known("davinci-002", 1692634301, "system", ModelKind.COMPLETION, 0);
        known("babbage-002", 1692634615, "system", ModelKind.COMPLETION, 0);
        known("text-embedding-3-small", 1705948997, "system", ModelKind.EMBEDDING, 1536);
        known("text-embedding-3-large", 1705953180, "system", ModelKind.EMBEDDING, 3072);
        known("text-embedding-ada-002", 1671217299, "openai-internal", ModelKind.EMBEDDING, 1536);
    }

    private final Map<String, ModelInfo> models = new LinkedHashMap<>();
    private final boolean strict;

    /** @param strict whether an id outside {@code ids} is not found, rather than served */
    public ModelCatalog(List<String> ids, boolean strict) {
        for (String id : ids) {
            models.put(id, describe(id));
        }
        this.strict = strict;
    }

    private static ModelInfo describe(String id) {
        ModelInfo known = KNOWN.get(id);
        return known != null ? known : inferred(id);
    }

    private static void known(String id, long created, String ownedBy, ModelKind kind, int dimensions) {
        KNOWN.put(id, new ModelInfo(id, created, ownedBy, kind, dimensions, contextWindow(id, kind)));
    }

    /** An unknown id: embeddings if the name says so (1536 dimensions), legacy completion for davinci/babbage/instruct. */
    static ModelInfo inferred(String id) {
        if (id.contains("embed")) {
            return new ModelInfo(id, 0, "workbench", ModelKind.EMBEDDING, 1536, contextWindow(id, ModelKind.EMBEDDING));
        }
        boolean legacy = id.contains("davinci") || id.contains("babbage") || id.endsWith("-instruct");
        ModelKind kind = legacy ? ModelKind.COMPLETION : ModelKind.CHAT;
        return new ModelInfo(id, 0, "workbench", kind, 0, contextWindow(id, kind));
    }

    /**
     * Context windows as OpenAI's model pages give them; an id of none of these families gets
     * 128,000, the window of current general models. Embedding models take 8,192 tokens per input.
     */
    static ContextWindow contextWindow(String id, ModelKind kind) {
        String model = id.startsWith("ft:") ? id.substring(3) : id;
        int tokens;
        if (kind == ModelKind.EMBEDDING) {
            tokens = 8_192;
        } else if (model.startsWith("gpt-4.1")) {
            tokens = 1_047_576;
        } else if (model.startsWith("gpt-5")) {
            tokens = 400_000;
        } else if (model.startsWith("o1") || model.startsWith("o3") || model.startsWith("o4")) {
            tokens = 200_000;
        } else if (model.startsWith("gpt-4-32k")) {
            tokens = 32_768;
        } else if (model.equals("gpt-4") || model.startsWith("gpt-4-03") || model.startsWith("gpt-4-06")) {
            tokens = 8_192;
        } else if (model.equals("gpt-3.5-turbo-0301") || model.equals("gpt-3.5-turbo-0613") || model.equals("gpt-3.5-turbo-instruct")) {
            tokens = 4_096;
        } else if (model.startsWith("gpt-3.5-turbo")) {
            tokens = 16_385;
        } else if (model.startsWith("text-davinci-")) {
            tokens = 4_097;
        } else if (model.equals("davinci-002") || model.equals("babbage-002")) {
            tokens = 16_384;
        } else {
            tokens = 128_000;
        }
        return new ContextWindow(tokens);
    }

    /** The configured ids, in order. */
    public List<String> ids() {
        return List.copyOf(models.keySet());
    }

    /** Whether an id outside {@link #ids()} is not found, rather than served. */
    public boolean strict() {
        return strict;
    }

    public List<ModelInfo> all() {
        return List.copyOf(models.values());
    }

    public Optional<ModelInfo> find(String id) {
        ModelInfo configured = models.get(id);
        if (configured != null || strict || id.isBlank()) {
            return Optional.ofNullable(configured);
        }
        return Optional.of(describe(id));
    }

    public ModelInfo require(String id) {
        return find(id).orElseThrow(() -> NotFoundException.model(id));
    }
}
