#!/usr/bin/env python3
"""How long one whole donation takes on a running platform (eng/run.sh), from the pledge request to the new
total being visible on the public campaign page.

Each round: a guest pledges, opens the SSLCommerz session, the sandbox pays at once and sends its IPN (the
control API stands in for the donor's clicks), and the campaign page is read every few milliseconds through the
gateway until it shows the new amount. Prints every round and the median. Standard library only.

    python3 bench/donation_latency.py [--rounds 20] [--warmup 1] [--gateway http://localhost:8080] [--sandbox http://localhost:5190]
        [--mailbox http://localhost:5089]

The organiser proves their address as a person would, with the link in the welcome mail (read from smtp4dev).

It polls far faster than a person would, so start the platform with the gateway's limits raised for it:

    eng/run.sh --mode local \
      --ServiceSettings:gateway:RateLimits:Budgets:campaigns:PermitLimit=1000000 \
      --ServiceSettings:gateway:RateLimits:Budgets:pledges:PermitLimit=1000000 \
      --ServiceSettings:gateway:RateLimits:Budgets:payments:PermitLimit=1000000 \
      --ServiceSettings:gateway:RateLimits:Policies:payment-initiation:PermitLimit=1000000
"""
import argparse
import json
import re
import statistics
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

ADMIN_EMAIL = "admin@careforall.local"
ADMIN_PASSWORD = "CareForAll-Admin-2026"


def call(method, url, body=None, token=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{method} {url} answered {error.code}: {error.read().decode()}") from error


def verified_organiser(api, mailbox):
    """Registers an organiser, opens the verification link from their welcome mail, and signs in again."""
    email = f"organiser-{uuid.uuid4().hex}@example.org"
    password = "correct-horse-battery"
    call("POST", f"{api}/api/auth/register", {"email": email, "password": password})
    deadline = time.monotonic() + 60
    while True:
        for message in call("GET", f"{mailbox}/api/Messages?searchTerms={email}&pageSize=50")["results"]:
            with urllib.request.urlopen(f"{mailbox}/api/Messages/{message['id']}/plaintext", timeout=30) as response:
                found = re.search(r"/verify-email#token=([A-Za-z0-9_-]+)", response.read().decode())
            if found:
                call("POST", f"{api}/api/auth/verify-email", {"token": found.group(1)})
                return call("POST", f"{api}/api/auth/login", {"email": email, "password": password})["data"]["accessToken"]
        if time.monotonic() > deadline:
            raise SystemExit(f"no verification mail reached {email} in {mailbox} within 60 s")
        time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=1, help="rounds run first and not counted (JIT, pools)")
    parser.add_argument("--gateway", default="http://localhost:8080")
    parser.add_argument("--sandbox", default="http://localhost:5190")
    parser.add_argument("--mailbox", default="http://localhost:5089", help="smtp4dev, where the welcome mail arrives")
    args = parser.parse_args()
    api = args.gateway.rstrip("/")

    admin = call("POST", f"{api}/api/auth/login", {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})["data"]["accessToken"]
    organiser = verified_organiser(api, args.mailbox.rstrip("/"))
    campaign = call("POST", f"{api}/api/campaigns", {
        "title": "Flood relief in Sylhet",
        "description": "Food, water and medicine for families displaced by the flood.",
        "campaignType": "emergency", "goalAmount": 10_000_000, "currency": "BDT",
        "endDate": (datetime.now(timezone.utc) + timedelta(days=30)).isoformat(),
    }, organiser)["data"]["id"]
    call("PATCH", f"{api}/api/campaigns/{campaign}/status", {"status": "active", "reason": "checked"}, admin)

    raised = 0
    durations = []
    for round_number in range(1 - args.warmup, args.rounds + 1):
        amount = 100 + round_number
        started = time.perf_counter()
        pledge = call("POST", f"{api}/api/pledges", {
            "campaignId": campaign, "amount": amount, "currency": "BDT",
            "donorEmail": f"guest-{uuid.uuid4().hex}@example.org", "isAnonymous": False,
        }, headers={"Idempotency-Key": str(uuid.uuid4())})["data"]
        payment = call("POST", f"{api}/api/payments/initiate", {"pledgeId": pledge["id"]},
                       headers={"Idempotency-Key": str(uuid.uuid4()), "X-Pledge-Token": pledge["guestToken"]})["data"]
        call("POST", f"{args.sandbox.rstrip('/')}/_sandbox/pay", {"tranId": payment["tranId"], "browserReturn": "after-ipn"})
        raised += amount
        deadline = started + 30
        while call("GET", f"{api}/api/campaigns/{campaign}")["data"]["currentAmount"] != raised:
            if time.perf_counter() > deadline:
                raise SystemExit(f"round {round_number}: the total did not reach {raised} within 30 s")
            time.sleep(0.005)
        elapsed = (time.perf_counter() - started) * 1000
        if round_number < 1:
            print(f"warm-up: {elapsed:7.1f} ms")
            continue
        durations.append(elapsed)
        print(f"round {round_number:2}: {elapsed:7.1f} ms")

    print(f"median {statistics.median(durations):.1f} ms, min {min(durations):.1f} ms, max {max(durations):.1f} ms "
          f"over {len(durations)} donations")


if __name__ == "__main__":
    main()
