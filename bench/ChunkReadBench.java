package dev.llmworkbench.loadgen;

// ns per streamed chat chunk read by AnswerFormat, whichever adapters-loadgen is on the classpath (OpenAI's chunk example):
//   javac -cp "$CP" -d /tmp/crb bench/ChunkReadBench.java && java -cp "/tmp/crb:$CP" dev.llmworkbench.loadgen.ChunkReadBench
public class ChunkReadBench {
    public static void main(String[] a) {
        SseEvent chunk = new SseEvent("message", "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" Hello\"},\"logprobs\":null,\"finish_reason\":null}]}");
        long sink = 0;
        for (int round = 0; round < 6; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < 500_000; i++) {
                sink += AnswerFormat.CHAT_STREAM.event(chunk).orElseThrow().content().length();
            }
            if (round >= 3) System.out.printf("%.0f ns/chunk%n", (System.nanoTime() - t) / 500_000.0);
        }
        if (sink == 42) System.out.println();
    }
}
