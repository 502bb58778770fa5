"""A local HTTP receiver standing in for the 企业微信 / 钉钉 group robots."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest


class Robot:
    """What the receiver was sent, and what it answers (status, body)."""

    def __init__(self, server):
        self.server = server
        self.posts: list[tuple[str, dict, dict]] = []  # (path, query, JSON body)
        self.status = 200
        self.answer = {"errcode": 0, "errmsg": "ok"}

    def url(self, path: str = "/cgi-bin/webhook/send?key=k1") -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def paths(self) -> list[str]:
        return sorted(path for path, _query, _body in self.posts)


@pytest.fixture
def robot():
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length).decode())
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            robot.posts.append((parts.path, query, body))
            answer = json.dumps(robot.answer).encode()
            self.send_response(robot.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    robot = Robot(server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield robot
    finally:
        server.shutdown()
        server.server_close()
