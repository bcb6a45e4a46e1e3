"""The baseline: a minimal OpenAI API emulator in FastAPI + uvicorn, equivalent to the BentoML
"OpenAI API Emulator" that LLM Workbench replaces (same endpoints, same X-TTFT-MS / X-ITL-MS /
X-OUTPUT-LENGTH headers, pydantic request models, asyncio sleeps). Debian ships no tiktoken, so
output length is counted in words; with zero delays that only makes the baseline cheaper."""
import asyncio
import json
import random
import time
import uuid
from typing import List, Optional, Union

from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

WORDS = "the of and to in is that for it as was with be by on not he this are or from at which".split()
MODELS = ["gpt-3.5-turbo", "gpt-3.5-turbo-0301", "gpt-3.5-turbo-0613", "gpt-3.5-turbo-16k", "gpt-4",
          "gpt-4-0314", "gpt-4-0613", "gpt-4-32k", "text-davinci-003", "text-davinci-002"]


class Message(BaseModel):
    role: str
    content: Optional[Union[str, list]] = None


class ChatCompletionRequest(BaseModel):
    model: str
    messages: List[Message]
    stream: Optional[bool] = False
    max_tokens: Optional[int] = None


app = FastAPI()


def timing(request: Request):
    headers = request.headers
    return (float(headers.get("x-ttft-ms", 100)) / 1000, float(headers.get("x-itl-ms", 50)) / 1000,
            int(headers.get("x-output-length", 20)))


def words(n: int) -> List[str]:
    return [random.choice(WORDS) if i == 0 else " " + random.choice(WORDS) for i in range(n)]


@app.get("/health")
async def health():
    return {"status": "healthy", "timestamp": int(time.time())}


@app.get("/v1/models")
async def models():
    return {"object": "list", "data": [{"id": m, "object": "model", "created": int(time.time()), "owned_by": "openai"}
                                      for m in MODELS]}


@app.post("/v1/chat/completions")
async def chat_completions(request: Request):
    body = ChatCompletionRequest(**(await request.json()))
    ttft, itl, length = timing(request)
    completion_id = "chatcmpl-" + uuid.uuid4().hex[:29]
    created = int(time.time())
    pieces = words(length)
    if body.stream:
        return StreamingResponse(stream(body, completion_id, created, pieces, ttft, itl), media_type="text/event-stream")
    await asyncio.sleep(ttft + itl * max(0, length - 1))
    prompt_tokens = len(json.dumps([m.dict() for m in body.messages])) // 4
    return {"id": completion_id, "object": "chat.completion", "created": created, "model": body.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "".join(pieces), "refusal": None},
                         "logprobs": None, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": length,
                      "total_tokens": prompt_tokens + length}}


async def stream(body, completion_id, created, pieces, ttft, itl):
    def chunk(delta, finish=None):
        return "data: " + json.dumps({"id": completion_id, "object": "chat.completion.chunk", "created": created,
                                      "model": body.model, "choices": [{"index": 0, "delta": delta, "logprobs": None,
                                                                        "finish_reason": finish}]}) + "\n\n"

    await asyncio.sleep(ttft)
    yield chunk({"role": "assistant", "content": ""})
    for i, piece in enumerate(pieces):
        if i > 0:
            await asyncio.sleep(itl)
        yield chunk({"content": piece})
    yield chunk({}, "stop")
    yield "data: [DONE]\n\n"
