#!/usr/bin/env python3
"""Fake vision-language-model HTTP server for altbuild's tests (stdlib only).

Imitates the Ollama API (GET /api/tags, POST /api/generate, POST /api/chat) or the
OpenAI API (GET /v1/models, POST /v1/chat/completions). Binds to 127.0.0.1 only.

    python3 fake_vlm_server.py --api ollama|openai [--port 0] [--model NAME ...]
        [--answer TEXT] [--delay SECONDS] [--script FILE.json] [--log FILE.jsonl]
        [--max-seconds 300]

Prints "PORT <n>" once listening. GET /health -> 200 "ok". Answers are never streamed.
--answer: success text (default "A generated description"); "{n}" becomes the
  request counter of that endpoint (1, 2, ...).
--delay: seconds every POST waits before answering.
--script: JSON list, one entry consumed per POST to a generation endpoint, in order;
  afterwards the normal behaviour applies. Entry keys (all optional):
  status (int, 200), body (string sent verbatim, other JSON values serialised),
  headers (object), delay (seconds, replaces --delay), answer (normal success body
  with this text), close (true: drop the connection without any response).
  A non-200 entry without body gets a generic error body.
--log: one JSON line per request, written on arrival:
  {"time", "method", "path", "headers" (lowercased), "body" (JSON or raw text)}.
Exits after --max-seconds or on SIGTERM/SIGINT.
"""
import argparse, json, signal, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_ANSWER = "A generated description"
POST_PATHS = {"ollama": ("/api/generate", "/api/chat"), "openai": ("/v1/chat/completions",)}


def ollama_tag(name):
    return name if ":" in name else name + ":latest"


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.counters = {}
        self.script = []
        if args.script:
            with open(args.script, encoding="utf-8") as f:
                self.script = list(json.load(f))

    def next_count(self, path):
        with self.lock:
            self.counters[path] = self.counters.get(path, 0) + 1
            return self.counters[path]

    def next_entry(self):
        with self.lock:
            return self.script.pop(0) if self.script else None

    def log(self, record):
        if self.args.log:
            with self.lock, open(self.args.log, "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")
                f.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None  # set in main()

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    def _send(self, status, body, headers=None):
        data = body if isinstance(body, bytes) else (
            body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
        headers = dict(headers or {})
        if not any(k.lower() == "content-type" for k in headers):
            headers["Content-Type"] = "application/json"
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, str(v))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _error(self, status, message, code=None):
        if self.state.args.api == "ollama":
            return self._send(status, {"error": message})
        err = {"message": message, "type": "invalid_request_error"}
        if code:
            err["code"] = code
        self._send(status, {"error": err})

    def _arrive(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8", "replace") if length > 0 else ""
        try:
            parsed, ok = json.loads(raw), True
        except ValueError:
            parsed, ok = raw, False
        self.state.log({"time": time.time(), "method": self.command, "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": parsed})
        return parsed, ok

    def do_GET(self):
        self._arrive()
        api, models = self.state.args.api, self.state.args.model
        path = self.path.split("?", 1)[0]
        if path == "/health":
            self._send(200, "ok", {"Content-Type": "text/plain"})
        elif api == "ollama" and path == "/api/tags":
            self._send(200, {"models": [
                {"name": ollama_tag(m), "model": ollama_tag(m),
                 "modified_at": "2024-01-01T00:00:00Z", "size": 1,
                 "digest": "0" * 64, "details": {"format": "gguf", "family": "fake"}}
                for m in models]})
        elif api == "openai" and path == "/v1/models":
            self._send(200, {"object": "list", "data": [
                {"id": m, "object": "model", "owned_by": "fake"} for m in models]})
        else:
            self._error(404, "not found: " + path)

    def do_POST(self):
        body, ok = self._arrive()
        args = self.state.args
        path = self.path.split("?", 1)[0]
        if path not in POST_PATHS[args.api]:
            return self._error(404, "not found: " + path)
        if not ok or not isinstance(body, dict):
            return self._error(400, "invalid JSON request body")
        n = self.state.next_count(path)
        entry = self.state.next_entry() or {}
        time.sleep(float(entry.get("delay", args.delay)))
        if entry.get("close"):
            self.close_connection = True
            return
        status = int(entry.get("status", 200))
        if "body" in entry:
            return self._send(status, entry["body"], entry.get("headers"))
        if status != 200:
            if args.api == "ollama":
                payload = {"error": "scripted error %d" % status}
            else:
                payload = {"error": {"message": "scripted error %d" % status,
                                     "type": "server_error"}}
            return self._send(status, payload, entry.get("headers"))
        model = body.get("model")
        if not isinstance(model, str) or not model:
            return self._error(400, "model is required")
        if args.api == "ollama":
            if ollama_tag(model) not in {ollama_tag(m) for m in args.model}:
                return self._error(404, 'model "%s" not found, try pulling it first' % model)
        elif model not in args.model:
            return self._error(404, "The model `%s` does not exist" % model, "model_not_found")
        answer = str(entry.get("answer", args.answer)).replace("{n}", str(n))
        if path == "/api/generate":
            payload = {"model": model, "created_at": "2024-01-01T00:00:00Z",
                       "response": answer, "done": True}
        elif path == "/api/chat":
            payload = {"model": model, "created_at": "2024-01-01T00:00:00Z",
                       "message": {"role": "assistant", "content": answer}, "done": True}
        else:
            payload = {"id": "chatcmpl-%d" % n, "object": "chat.completion", "created": 0,
                       "model": model, "choices": [{"index": 0, "message": {
                           "role": "assistant", "content": answer}, "finish_reason": "stop"}],
                       "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        self._send(200, payload, entry.get("headers"))


def main(argv=None):
    p = argparse.ArgumentParser(description="Fake Ollama/OpenAI VLM server for tests")
    p.add_argument("--api", choices=("ollama", "openai"), required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--model", action="append")
    p.add_argument("--answer", default=DEFAULT_ANSWER)
    p.add_argument("--delay", type=float, default=0.0)
    p.add_argument("--script")
    p.add_argument("--log")
    p.add_argument("--max-seconds", type=float, default=300.0)
    args = p.parse_args(argv)
    args.model = args.model or ["llava"]
    Handler.state = State(args)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    stop = threading.Event()
    # Foundation's Process on Linux starts children with the parent's blocked
    # signal mask; unblock the ones we stop on.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    sys.stdout.write("PORT %d\n" % server.server_address[1])
    sys.stdout.flush()
    stop.wait(args.max_seconds)
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
