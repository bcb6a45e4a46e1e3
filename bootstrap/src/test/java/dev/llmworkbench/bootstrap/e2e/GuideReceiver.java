package dev.llmworkbench.bootstrap.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the vLLM Batch Server guide's webhook receiver checks, computed the receiver's way, apart from our signer. */
public final class GuideReceiver {
    private GuideReceiver() {
    }

    /** The guide's receiver: hmac.new(secret, raw_body, hashlib.sha256).hexdigest(). */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
