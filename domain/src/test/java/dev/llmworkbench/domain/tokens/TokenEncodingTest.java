package dev.llmworkbench.domain.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenEncodingTest {
    /** Expected encodings: tiktoken's MODEL_TO_ENCODING and MODEL_PREFIX_TO_ENCODING (tiktoken/model.py); o200k_base for ids it does not know. */
    @ParameterizedTest
    @CsvSource({
            "gpt-4o, o200k_base", "gpt-4o-mini-2024-07-18, o200k_base", "gpt-4.1-nano, o200k_base", "chatgpt-4o-latest, o200k_base",
            "o1, o200k_base", "o3-mini, o200k_base", "o4-mini-2025-04-16, o200k_base", "gpt-5, o200k_base", "gpt-5-mini, o200k_base",
            "gpt-4, cl100k_base", "gpt-4-0613, cl100k_base", "gpt-4-32k, cl100k_base", "gpt-4-vision-preview, cl100k_base",
            "gpt-3.5-turbo, cl100k_base", "gpt-3.5-turbo-0301, cl100k_base", "gpt-35-turbo-16k, cl100k_base",
            "text-embedding-3-small, cl100k_base", "text-embedding-ada-002, cl100k_base", "davinci-002, cl100k_base",
            "babbage-002, cl100k_base", "ft:gpt-3.5-turbo:acme::abc123, cl100k_base",
            "text-davinci-003, p50k_base", "text-davinci-002, p50k_base", "code-davinci-002, p50k_base",
            "codechat, o200k_base", "google/gemma-3-4b-it, o200k_base", "meta-llama/Llama-3.1-8B-Instruct, o200k_base"})
    void infersTheEncodingFromTheModelNameAsTiktokenDoes(String model, String encoding) {
        assertEquals(encoding, TokenEncoding.forModel(model).wireName());
    }
}
