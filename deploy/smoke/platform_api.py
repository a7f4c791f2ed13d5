"""What the smoke scripts share: tokens of the local realm's dev users and a JSON call with one."""
import json
import os
import subprocess
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_tokens = {}


def bearer(user):
    """An access token of the local realm's dev user (./platform token), renewed every minute."""
    cached = _tokens.get(user)
    if cached is None or time.monotonic() - cached[1] > 60:
        token = subprocess.run([os.path.join(ROOT, "platform"), "token", user], capture_output=True, text=True,
                               check=True).stdout.strip()
        cached = _tokens[user] = (token, time.monotonic())
    return "Bearer " + cached[0]


def call(url, body=None, user="operator-111"):
    """As the national line's operator by default: it submits, and reads back the routing of what it submitted."""
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json",
                                                              "Authorization": bearer(user)})
    with urllib.request.urlopen(request, timeout=15) as response:
        return response.status, json.loads(response.read().decode("utf-8"))
