#!/usr/bin/env python3
"""A tiny fake vision-model server for bench/perf.sh goal i (stdlib only).

    fake_model.py [--port 0]

Answers the shapes altbuild's VisionDescriber speaks (Sources/Describers/
VisionDescriber.swift): Ollama's GET /api/tags, POST /api/generate and
POST /api/chat (images as base64 strings in "images"), and OpenAI's
GET /v1/models and POST /v1/chat/completions (an image_url data URI).
Every generation request is counted, and every image in it is hashed
(SHA-256 of its base64 text), so GET /stats answers
{"requests": N, "images": M, "distinct_images": D, "most_repeated": [[count, hash], ...]}.
Binds to 127.0.0.1 only and prints "PORT <n>" once listening.
"""
import argparse
import collections
import hashlib
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODELS = ["llava"]


class Counts:
    lock = threading.Lock()
    requests = 0
    images = collections.Counter()


def images_in(path, body):
    if path == "/api/generate":
        return list(body.get("images") or [])
    if path == "/api/chat":
        return [i for m in body.get("messages") or [] for i in (m.get("images") or [])]
    found = []
    for m in body.get("messages") or []:
        for part in m.get("content") or []:
            if isinstance(part, dict) and part.get("type") == "image_url":
                found.append(part["image_url"]["url"].split(",", 1)[-1])
    return found


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, payload, status=200):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/api/tags":
            self.send({"models": [{"name": m + ":latest", "model": m + ":latest"} for m in MODELS]})
        elif path == "/v1/models":
            self.send({"object": "list", "data": [{"id": m, "object": "model"} for m in MODELS]})
        elif path == "/stats":
            with Counts.lock:
                self.send({"requests": Counts.requests, "images": sum(Counts.images.values()),
                           "distinct_images": len(Counts.images),
                           "most_repeated": [[n, h[:16]] for h, n in Counts.images.most_common(5)]})
        else:
            self.send({"error": "not found: " + path}, 404)

    def do_POST(self):
        path = self.path.split("?", 1)[0]
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        if path not in ("/api/generate", "/api/chat", "/v1/chat/completions"):
            return self.send({"error": "not found: " + path}, 404)
        images = images_in(path, body)
        with Counts.lock:
            Counts.requests += 1
            n = Counts.requests
            for image in images:
                Counts.images[hashlib.sha256(image.encode()).hexdigest()] += 1
        answer = f"A small coloured drawing with shapes, number {n}"
        if path == "/api/generate":
            self.send({"model": body.get("model"), "response": answer, "done": True})
        elif path == "/api/chat":
            self.send({"model": body.get("model"), "message": {"role": "assistant", "content": answer}, "done": True})
        else:
            self.send({"id": f"c{n}", "object": "chat.completion", "model": body.get("model"),
                       "choices": [{"index": 0, "message": {"role": "assistant", "content": answer},
                                    "finish_reason": "stop"}]})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
