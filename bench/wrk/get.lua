-- GET one of the paths in $BENCH_PATHS (space separated), picked at random per request, so a cache sees many keys.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "", "%S+") do
  paths[#paths + 1] = path
end
assert(#paths > 0, "BENCH_PATHS names no path")

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
