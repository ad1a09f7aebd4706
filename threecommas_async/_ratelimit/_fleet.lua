-- One atomic step of the fleet rate limiter (the pump in _fleet_pump.py sends it, _fleet_step.py builds it).
-- This file holds the step's input, the slots, the budget's shared state, the ban gate and the buckets'
-- state; _fleet_walk.lua (appended to it as one script) the tickets, the walk by lane and the reply.
--
-- KEYS[1] is the hash of one budget (one API key: its tickets and shared state), KEYS[2] the ban gate (a
-- hash) of the ban scope, shared by every budget on one IP. Every key of a ban scope shares one {hash tag}, so the
-- step routes to one Redis Cluster slot. ARGV[1] is the budget's key prefix, ARGV[2] the step as JSON:
--   b     bucket table: [[name, limit, period_ms], ...]; the other fields refer to it by 1-based index
--   r     releases: [[member, [bucket...], sent, age], ...]  sent=1: the slot frees a period after the
--         release, which happened age ms ago (a duration on the client's clock, clamped to [0, lease]):
--         at TIME - age + period; sent=0: freed now
--   i     imports: [[member, [bucket...], in_flight], ...] slots taken while Redis was unreachable
--   k     block windows: [[bucket, ms], ...]
--   x     ban events (418s): [[generation, ms, base_ms, cap_ms], ...] generation: the gate's generation
--         stamped on the permit the 418 answered (-1: unknown, always a new event); ms: Retry-After
--         (-1: none, the escalating length)
--   fresh 1: this process has never seen the fleet's epoch and trusts a missing one (first start)
--   hp    the longest period (ms) the process knows of; ettl ms the epoch outlives the last grant
--   ok    a success on a permit of this generation (-1: any): the gate opens, escalation resets
--   t     this process's id; sq its queue position in each lane ([urgent, normal, bulk]: arrival time,
--         "" when it has none)
--   q     local waiters, urgent first, oldest first within a lane:
--         [[weight, [bucket...], member, lane, headroom], ...] (lane 0 urgent, 1 normal, 2 bulk;
--         headroom: slots of every bucket the request must leave free, the urgent reserve).
--         Present: the tickets are maintained (a lane without waiters leaves the queue); absent
--         (snapshots): the queue is only read
--   ln    how many local waiters there are in each lane, n in all; cap how many requests of another
--         process a step reserves room for (its batch size); share bulk's minimum share
--   lease ms a granted slot may stay in flight before it is presumed lost
--   grace ms a ticket outlives its owner's expected return
--   margin ms added to every key's time to live
--   s     buckets to report: [bucket...]
-- Slots live in one sorted set per bucket: member "<weight>:<id>" ("<weight>u:<id>" for the urgent lane), score the time the slot frees (ms on
-- the Redis clock): grant + period + lease while in flight, release + period once answered. The
-- budget's hash (KEYS[1]) holds the tickets, the epoch, the block windows, the bulk share's counters and
-- when each key's time to live runs out. A step costs about seven Redis commands (EVALSHA, TIME, one
-- HGETALL of the budget's hash, one HMGET of the gate, one ZRANGE per bucket, one ZADD per bucket
-- written, one HSET of the budget's hash; a PEXPIRE only when a key's time to live runs short, an HDEL
-- when a ticket leaves), whatever the number of grants and releases it carries.
-- Reply (JSON): g the granted indices of q; w ms until the earliest waiter left could fit (-1: none
-- left); ban ms left of a ban; gen, lvl, open the ban gate; probe the index in g of the half-open
-- probe (0: none); ep the fleet's epoch; hold ms left before anything is granted after state loss;
-- held the buckets someone lacks room in; sq the queue position in each lane as text ("" once it left
-- the queue); s per reported bucket [used, in flight, ms blocked]; fleet the waiters of every process,
-- fl per lane. Durations only, never absolute times, except sq (echoed back as text).

pcall(redis.replicate_commands)

local prefix = ARGV[1]
local step = cjson.decode(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + tonumber(clock[2]) / 1000
local margin = step.margin
local lease = step.lease
local probe_poll = 100

local queue_key = KEYS[1]

local function ms(value)
  return string.format('%.3f', value)
end

local function slot_key(name)
  return prefix .. 's:' .. name
end

local defs = {}
for index, row in ipairs(step.b or {}) do
  defs[index] = {name = row[1], limit = tonumber(row[2]), period = tonumber(row[3])}
end

-- Slot writes are gathered per key and sent as one ZADD (and one PEXPIRE) per key at the end of the
-- step (flush_slots); until then state() reads them from slot_pending.
local slot_writes, slot_ttls, slot_order, slot_pending = {}, {}, {}, {}

local function put_slot(def, member, in_flight, age)
  local frees = now - age + def.period
  if in_flight then
    frees = frees + lease
  end
  local key = slot_key(def.name)
  local pending = slot_pending[key]
  if not pending then
    pending = {}
    slot_pending[key] = pending
    slot_writes[key] = {}
    slot_order[#slot_order + 1] = key
  end
  if frees <= now then
    pending[member] = now
    redis.call('ZREM', key, member)
    return
  end
  pending[member] = frees
  local writes = slot_writes[key]
  writes[#writes + 1] = ms(frees)
  writes[#writes + 1] = member
  slot_ttls[key] = math.max(slot_ttls[key] or 0, def.period + lease + margin)
end

local function flush_slots(keep_alive)
  for _, key in ipairs(slot_order) do
    local writes = slot_writes[key]
    if #writes > 0 then
      redis.call('ZADD', key, unpack(writes))
      keep_alive(key, slot_ttls[key])
    end
    slot_writes[key] = {}
  end
end

local probe_ends = {}
for _, row in ipairs(step.r or {}) do
  probe_ends[#probe_ends + 1] = row[1]
  local age = math.min(math.max(tonumber(row[4]) or 0, 0), lease)
  for _, index in ipairs(row[2]) do
    local def = defs[index]
    if row[3] == 1 then
      put_slot(def, row[1], false, age)
    else
      redis.call('ZREM', slot_key(def.name), row[1])
    end
  end
end

for _, row in ipairs(step.i or {}) do
  for _, index in ipairs(row[2]) do
    put_slot(defs[index], row[1], row[3] == 1, 0)
  end
end

-- The budget's one hash (KEYS[1]), read whole once per step (HGETALL): the tickets ("t:..."), the epoch
-- (id, hold, seen), the block windows ("b:<bucket>"), the bulk share's counters ("share") and when each
-- key's time to live runs out ("x:<key>"). Every change is written back by one HSET at the end of the
-- step (save_shared). The ban gate is KEYS[2], a hash of its own shared by every budget of the ban scope
-- (one IP), read by one HMGET in the same step.
local shared_key = queue_key
local gate_key = KEYS[2]
local ettl = step.ettl or 86400000
local raw_hash = redis.call('HGETALL', shared_key)
local hash = {}
for index = 1, #raw_hash, 2 do
  hash[raw_hash[index]] = raw_hash[index + 1]
end
local blocked, updates, shared_ttl = {}, {}, 0
local alive_until = {}
for _, def in ipairs(defs) do
  blocked[def.name] = tonumber(hash['b:' .. def.name]) or 0
  alive_until[slot_key(def.name)] = tonumber(hash['x:' .. slot_key(def.name)]) or 0
end
alive_until[shared_key] = tonumber(hash['x:' .. shared_key]) or 0

-- Make key live at least until now + ttl, never shorter than it already does (its expiry is recorded in
-- the budget's hash, so checking costs nothing).
local function extend(key, ttl)
  if (alive_until[key] or 0) < now + ttl then
    redis.call('PEXPIRE', key, math.ceil(ttl))
    alive_until[key] = now + ttl
    updates['x:' .. key] = ms(now + ttl)
  end
end

-- A key written this step must live at least ttl ms more. Its expiry is pushed to twice that only when
-- it falls short, so a busy key costs a PEXPIRE about once per ttl, not per step.
local function keep_alive(key, ttl)
  if (alive_until[key] or 0) < now + ttl then
    extend(key, 2 * ttl)
  end
end

for _, row in ipairs(step.k or {}) do
  local def = defs[row[1]]
  local block_until = now + row[2]
  if block_until > blocked[def.name] then
    blocked[def.name] = block_until
    updates['b:' .. def.name] = ms(block_until)
    shared_ttl = math.max(shared_ttl, row[2] + margin)
  end
end

-- The ban gate, a circuit breaker (see _gate.py): one escalation per ban event, then half-open for
-- exactly one probe; a success opens it and resets the level.
local raw_gate = redis.call('HMGET', gate_key, 'gen', 'lvl', 'until', 'open', 'probe')
local gate = {
  gen = tonumber(raw_gate[1]) or 0,
  lvl = tonumber(raw_gate[2]) or 0,
  ['until'] = tonumber(raw_gate[3]) or 0,
  open = raw_gate[4] ~= '0',
  probe = raw_gate[5] or '',
}
local gate_dirty = false
for _, member in ipairs(probe_ends) do
  if member == gate.probe then
    gate.probe = ''
    gate_dirty = true
  end
end
if step.ok and (step.ok < 0 or step.ok >= gate.gen) then
  gate.lvl, gate.open, gate.probe, gate_dirty = 0, true, '', true
end
for _, event in ipairs(step.x or {}) do
  if event[1] >= 0 and event[1] < gate.gen then
    if event[2] >= 0 then
      gate['until'] = math.max(gate['until'], now + event[2])
    end
  else
    local length = event[2]
    if length < 0 then
      length = math.min(event[3] * 2 ^ math.min(gate.lvl, 64), event[4])
    end
    gate.gen, gate.lvl, gate.open, gate.probe = gate.gen + 1, gate.lvl + 1, false, ''
    gate['until'] = math.max(gate['until'], now + length)
  end
  gate_dirty = true
end
-- The epoch: missing means the fleet's state was lost (a flush, a restart) or never existed, so the
-- budget may have been spent a moment ago: nothing is granted for one full period, unless the caller
-- is a first start that trusts a fresh fleet. Its time to live is refreshed at most every ettl / 4.
local epoch_id, hold_until = hash.id, tonumber(hash.hold) or 0
local seen = tonumber(hash.seen) or 0
if not epoch_id then
  epoch_id = ms(now)
  hold_until = now
  if step.fresh ~= 1 then
    local longest = step.hp or 0
    for _, def in pairs(defs) do
      longest = math.max(longest, def.period)
    end
    hold_until = now + longest
  end
  updates.id, updates.hold = epoch_id, ms(hold_until)
end
local held_for = math.max(hold_until - now, 0)

local ban_until = gate['until']
local banned_for = math.max(ban_until - now, 0)
local half_open = not gate.open and banned_for <= 0
local function save_shared(granted_any)
  if gate_dirty then
    redis.call('HSET', gate_key, 'gen', gate.gen, 'lvl', gate.lvl, 'until', ms(gate['until']),
      'open', gate.open and '1' or '0', 'probe', gate.probe)
    redis.call('PEXPIRE', gate_key, math.ceil(math.max(ettl, banned_for + lease + margin)))
  end
  if updates.id or (granted_any and now - seen > ettl / 4) then
    updates.seen = ms(now)
    extend(shared_key, ettl)
  end
  if shared_ttl > 0 then
    extend(shared_key, shared_ttl)
  end
  local args = {}
  for field, value in pairs(updates) do
    args[#args + 1] = field
    args[#args + 1] = value
  end
  if #args > 0 then
    redis.call('HSET', shared_key, unpack(args))
  end
end

-- Bucket state, loaded once per step: expired slots purged, weight in use, and when each slot may free.
local states = {}
local function state(name, limit, period)
  local found = states[name]
  if found then
    return found
  end
  local key = slot_key(name)
  local raw = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
  local frees, used, urgent, in_flight, expired = {}, 0, 0, 0, 0
  local horizon = now + period
  local pending = slot_pending[key] or {}
  local unseen = {}
  for member, score in pairs(pending) do
    unseen[member] = score
  end
  for index = 1, #raw, 2 do
    raw[index + 1] = pending[raw[index]] or tonumber(raw[index + 1])
    unseen[raw[index]] = nil
  end
  for member, score in pairs(unseen) do
    raw[#raw + 1] = member
    raw[#raw + 1] = score
  end
  for index = 1, #raw, 2 do
    local digits, flag = string.match(raw[index], '^(%d+)(u?):')
    local weight = tonumber(digits) or 1
    local score = tonumber(raw[index + 1])
    if score <= now then
      expired = expired + 1
    else
      used = used + weight
      if flag == 'u' then
        urgent = urgent + weight
      end
      if score > horizon then
        in_flight = in_flight + weight
        score = horizon
      end
      frees[#frees + 1] = {score, weight}
    end
  end
  if expired >= math.max(8, limit / 4) then
    redis.call('ZREMRANGEBYSCORE', key, '-inf', ms(now))
  end
  table.sort(frees, function(left, right) return left[1] < right[1] end)
  found = {
    name = name,
    limit = limit,
    period = period,
    used = used,
    urgent = urgent,
    in_flight = in_flight,
    frees = frees,
    blocked_until = blocked[name] or tonumber(hash['b:' .. name]) or 0,
  }
  states[name] = found
  return found
end

local function states_of(indices)
  local result = {}
  for _, index in ipairs(indices) do
    local def = defs[index]
    result[#result + 1] = state(def.name, def.limit, def.period)
  end
  return result
end

