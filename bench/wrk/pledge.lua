-- POST /api/pledges as a guest, with a fresh Idempotency-Key on every request, to a campaign picked at random
-- from $BENCH_CAMPAIGNS (space separated). $BENCH_RUN keeps keys and addresses apart between runs.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local campaigns = {}
for id in string.gmatch(os.getenv("BENCH_CAMPAIGNS") or "", "%S+") do
  campaigns[#campaigns + 1] = id
end
assert(#campaigns > 0, "BENCH_CAMPAIGNS names no campaign")
local run = os.getenv("BENCH_RUN") or tostring(os.time())

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

local sent = 0
function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0))
end

function request()
  sent = sent + 1
  local donor = string.format("%s-%d-%d", run, thread_id or 0, sent)
  local body = string.format(
    '{"campaignId":"%s","amount":%d,"currency":"BDT","donorEmail":"guest-%s@example.org","isAnonymous":false}',
    campaigns[math.random(#campaigns)], 100 + (sent % 900), donor)
  return wrk.format("POST", "/api/pledges", {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-pledge-" .. donor,
  }, body)
end
