-- The clinic server's request mix for wrk (bench/clinic_load.py runs it).
--   wrk ... -s bench/clinic_load.lua http://127.0.0.1:PORT -- SESSIONS MIX
-- SESSIONS: a file of "runner|therapist <TAB> session token <TAB> CSRF token" lines.
-- MIX: weights by request kind, "today=45,plan=20,log=20,clients=15".
-- Every request picks its kind by weight and a signed-in runner (or, for the client list, a
-- therapist) at random, so a connection speaks for a different person each time.
-- At the end it prints one line, "CLINIC_LOAD {json}", that the Python side reads.

local kinds = {"today", "plan", "log", "clients"}
local runners, therapists = {}, {}
local weights, total_weight = {}, 0
-- Globals, so that done() can read them from each thread (thread:get).
issued = {today = 0, plan = 0, log = 0, clients = 0}
refused, first_refusal = 0, ""

-- A run or a check-in logged today; the run in the runner's units (km by default).
local run_body = '{"kind":"run","distance":"5","time":"31:00","pain":2,"note":"load test"}'
local checkin_body = '{"kind":"checkin","pain":1}'

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    local role, token, csrf = line:match("^(%a+)\t([%w_-]+)\t([%w_-]+)$")
    if role == "runner" then
      runners[#runners + 1] = {token, csrf}
    elseif role == "therapist" then
      therapists[#therapists + 1] = {token, csrf}
    end
  end
  for kind, weight in args[2]:gmatch("(%a+)=(%d+)") do
    weights[kind] = tonumber(weight)
  end
  for _, kind in ipairs(kinds) do
    weights[kind] = weights[kind] or 0
    total_weight = total_weight + weights[kind]
  end
  if #runners == 0 or #therapists == 0 or total_weight == 0 then
    error("clinic_load.lua: no sessions in " .. args[1] .. " or an empty mix " .. args[2])
  end
  -- Each thread its own sequence (os.time alone would give every thread the same one).
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
end

local function pick_kind()
  local r = math.random() * total_weight
  for _, kind in ipairs(kinds) do
    r = r - weights[kind]
    if r < 0 then return kind end
  end
  return kinds[#kinds]
end

function request()
  local kind = pick_kind()
  issued[kind] = issued[kind] + 1
  if kind == "clients" then
    local therapist = therapists[math.random(#therapists)]
    return wrk.format("GET", "/api/clinic/clients",
                      {["Cookie"] = "backstride_session=" .. therapist[1]})
  end
  local runner = runners[math.random(#runners)]
  local headers = {["Cookie"] = "backstride_session=" .. runner[1]}
  if kind == "log" then
    headers["X-CSRF-Token"] = runner[2]
    headers["Content-Type"] = "application/json"
    local body = math.random() < 0.5 and run_body or checkin_body
    return wrk.format("POST", "/api/log", headers, body)
  end
  return wrk.format("GET", "/api/" .. kind, headers)
end

function response(status, headers, body)
  if status >= 400 then
    refused = refused + 1
    if first_refusal == "" then first_refusal = status .. " " .. body:sub(1, 200) end
  end
end

local function json_string(text)
  return '"' .. text:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function done(summary, latency, requests)
  local by_kind = {today = 0, plan = 0, log = 0, clients = 0}
  local refusals, first = 0, ""
  for _, thread in ipairs(threads) do
    local counted = thread:get("issued")
    for _, kind in ipairs(kinds) do by_kind[kind] = by_kind[kind] + counted[kind] end
    refusals = refusals + thread:get("refused")
    if first == "" then first = thread:get("first_refusal") end
  end
  local e = summary.errors
  io.write(string.format(
    'CLINIC_LOAD {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,' ..
    '"max_us":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"issued":{"today":%d,"plan":%d,"log":%d,"clients":%d},"refused":%d,"first_refusal":%s}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout,
    by_kind.today, by_kind.plan, by_kind.log, by_kind.clients, refusals, json_string(first)))
end
