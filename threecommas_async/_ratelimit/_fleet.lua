-- One atomic step of the fleet rate limiter (the pump in _fleet_pump.py sends it, _fleet_step.py builds it).
--
-- KEYS[1] is the ticket queue (a hash) of one budget (one API key), KEYS[2] the ban gate (a hash) of the
-- ban scope, shared by every budget on one IP. Every key of a ban scope shares one {hash tag}, so the
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
-- Slots live in one sorted set per bucket: member "<weight>:<id>", score the time the slot frees (ms on
-- the Redis clock): grant + period + lease while in flight, release + period once answered. The hash
-- "st" holds the epoch, the block windows, the bulk share's counters and when each key's time to live
-- runs out. A step costs about eight Redis commands (TIME, one read of st, one of the gate, one ZRANGE
-- per bucket, the tickets, one ZADD per bucket written, the tickets' HSET, st's HSET when something
-- changed; a PEXPIRE only when a key's time to live runs short), whatever the number of grants and
-- releases it carries.
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

-- The budget's shared state, one hash read once per step: the epoch, the block windows ("b:<bucket>")
-- and when each key's time to live runs out; every change is written back by
-- one HSET at the end of the step (save_shared). The ban gate is KEYS[2], a hash of its own shared by
-- every budget of the ban scope (one IP), read by one HMGET in the same step.
local shared_key = prefix .. 'st'
local gate_key = KEYS[2]
local ettl = step.ettl or 86400000
local fields = {'id', 'hold', 'seen'}
local base = #fields
for _, def in ipairs(defs) do
  fields[#fields + 1] = 'b:' .. def.name
end
for _, def in ipairs(defs) do
  fields[#fields + 1] = 'x:' .. slot_key(def.name)
end
fields[#fields + 1] = 'x:' .. queue_key
local raw_shared = redis.call('HMGET', shared_key, unpack(fields))
local blocked, updates, shared_ttl = {}, {}, 0
local alive_until = {}
for index, def in ipairs(defs) do
  blocked[def.name] = tonumber(raw_shared[base + index]) or 0
  alive_until[slot_key(def.name)] = tonumber(raw_shared[base + #defs + index]) or 0
end
alive_until[queue_key] = tonumber(raw_shared[base + 2 * #defs + 1]) or 0

-- A key written this step must live at least ttl ms more. Its expiry is pushed to twice that only when
-- the one recorded in st falls short, so a busy key costs a PEXPIRE about once per ttl, not per step.
local function keep_alive(key, ttl)
  if (alive_until[key] or 0) < now + ttl then
    redis.call('PEXPIRE', key, math.ceil(2 * ttl))
    alive_until[key] = now + 2 * ttl
    updates['x:' .. key] = ms(now + 2 * ttl)
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
local epoch_id, hold_until = raw_shared[1], tonumber(raw_shared[2]) or 0
local seen = tonumber(raw_shared[3]) or 0
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
  local refresh = updates.id or (granted_any and now - seen > ettl / 4)
  if refresh then
    updates.seen = ms(now)
  end
  local args = {}
  for field, value in pairs(updates) do
    args[#args + 1] = field
    args[#args + 1] = value
  end
  if #args > 0 then
    redis.call('HSET', shared_key, unpack(args))
  end
  if refresh or shared_ttl > 0 then
    local current = refresh and ettl or redis.call('PTTL', shared_key)
    redis.call('PEXPIRE', shared_key, math.ceil(math.max(current, shared_ttl, ettl, banned_for + lease + margin)))
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
  local frees, used, in_flight, expired = {}, 0, 0, 0
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
    local weight = tonumber(string.match(raw[index], '^(%d+):')) or 1
    local score = tonumber(raw[index + 1])
    if score <= now then
      expired = expired + 1
    else
      used = used + weight
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
    in_flight = in_flight,
    frees = frees,
    blocked_until = blocked[name] or tonumber(redis.call('HGET', shared_key, 'b:' .. name)) or 0,
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

-- Tickets: one per process and lane with waiters, in one hash: field "<process>:<lane>" (lane 0 urgent,
-- 1 normal, 2 bulk), value "seq|deadline|waiting|weight|headroom|name,limit,period;...", ordered by lane,
-- then arrival (seq, then process). The same hash keeps the bulk share's counters (field "share":
-- "contended|bulk", the normal+bulk grants made while both lanes waited and bulk's of them), so they
-- are read and written with the tickets at no extra command.
local me = step.t
local LANES = 3
local SHARE_FIELD = 'share'
local contended = {n = 0, b = 0}
local share_update = nil

local function read_tickets()
  local raw = redis.call('HGETALL', queue_key)
  local tickets = {}
  for index = 1, #raw, 2 do
    local id = raw[index]
    local proc, lane = string.match(id, '^(.*):(%d)$')
    if id == SHARE_FIELD then
      local n, b = string.match(raw[index + 1], '^(%d+)|(%d+)$')
      contended.n, contended.b = tonumber(n) or 0, tonumber(b) or 0
      proc = me
    end
    local seq, deadline, waiting, weight, headroom, spec =
      string.match(raw[index + 1], '^([^|]+)|([^|]+)|([^|]+)|([^|]+)|([^|]+)|(.*)$')
    if proc ~= me and (not deadline or tonumber(deadline) < now) then
      redis.call('HDEL', queue_key, id)
    elseif seq and proc and id ~= SHARE_FIELD then
      tickets[#tickets + 1] = {
        id = id, proc = proc, lane = tonumber(lane) + 1, seq = seq, score = tonumber(seq),
        waiting = tonumber(waiting) or 0, weight = tonumber(weight) or 1, headroom = tonumber(headroom) or 0,
        spec = spec,
      }
    end
  end
  table.sort(tickets, function(left, right)
    if left.lane ~= right.lane then
      return left.lane < right.lane
    end
    return left.score < right.score or (left.score == right.score and left.proc < right.proc)
  end)
  return tickets
end

local function ticket_states(spec)
  local result = {}
  for name, limit, period in string.gmatch(spec, '([^,;]+),([^,;]+),([^,;]+)') do
    result[#result + 1] = state(name, tonumber(limit), tonumber(period))
  end
  return result
end

local function ticket_spec(indices)
  local parts = {}
  for _, index in ipairs(indices) do
    local def = defs[index]
    parts[#parts + 1] = def.name .. ',' .. def.limit .. ',' .. def.period
  end
  return table.concat(parts, ';')
end

-- The walk: first come first served per bucket. A request lacking room in a bucket holds that bucket
-- for everything behind it; a request that fits takes its weight (for real when it is ours). Outside
-- the urgent lane a request must leave its headroom (the urgent reserve) free.
local held, queued = {}, {}

local function fits(s, weight, headroom)
  return now >= s.blocked_until and s.used + weight <= s.limit - headroom
end

local function consider(weight, bucket_states, headroom)
  local skipped = false
  for _, s in ipairs(bucket_states) do
    if held[s.name] then
      skipped = true
      queued[s.name] = (queued[s.name] or 0) + weight
    end
  end
  if skipped then
    return false
  end
  local lacking = false
  for _, s in ipairs(bucket_states) do
    if not fits(s, weight, headroom) then
      lacking = true
      held[s.name] = true
      queued[s.name] = (queued[s.name] or 0) + weight
    end
  end
  if lacking then
    return false
  end
  for _, s in ipairs(bucket_states) do
    s.used = s.used + weight
  end
  return true
end

local function free_at(s, need)
  if need <= 0 then
    return now
  end
  local freed = 0
  for _, entry in ipairs(s.frees) do
    freed = freed + entry[2]
    if freed >= need then
      return entry[1]
    end
  end
  return now + s.period
end

local function earliest(weight, bucket_states, headroom)
  local at = now
  for _, s in ipairs(bucket_states) do
    local need = s.used + (queued[s.name] or 0) + weight - (s.limit - headroom)
    at = math.max(at, s.blocked_until, free_at(s, need))
  end
  return at
end

local granted_any = false
local reply = {g = {}, w = -1, ban = banned_for, held = {}, sq = {'', '', ''}, probe = 0, ep = epoch_id,
  hold = held_for}
local batch = step.q or {}
local counts = step.ln or {0, #batch, 0}

-- This process's side of the walk: its batch split by lane, its place in each lane, what it was granted.
local mine, my_ticket, active, seq_text, seq_value = {}, {}, {}, {}, {}
local granted, head_granted, lane_granted = {}, {}, {}
local wait_until = nil

local function offer(index)
  local request = batch[index]
  local bucket_states = states_of(request[2])
  local headroom = request[5] or 0
  local at = earliest(request[1], bucket_states, headroom)
  if consider(request[1], bucket_states, headroom) then
    granted[#granted + 1] = index
    local lane = (request[4] or 1) + 1
    lane_granted[lane] = lane_granted[lane] + 1
    for _, def_index in ipairs(request[2]) do
      put_slot(defs[def_index], request[3], true, 0)
    end
    return true
  end
  if wait_until == nil or at < wait_until then
    wait_until = at
  end
  return false
end

-- Round robin within a lane: round k offers the k-th waiting request of every ticket of the lane, in
-- queue order. Other processes' requests are assumed shaped like their head; ours are the batch itself.
local function lane_offers(tickets, lane)
  local order, placed, rounds = {}, false, #mine[lane]
  for _, entry in ipairs(tickets) do
    if entry.lane == lane then
      if active[lane] and not placed and (entry.proc == me or entry.score > seq_value[lane]
          or (entry.score == seq_value[lane] and entry.proc > me)) then
        placed = true
        order[#order + 1] = {mine = true}
      end
      if entry.proc ~= me then
        local count = math.min(entry.waiting, step.cap)
        rounds = math.max(rounds, count)
        order[#order + 1] = {count = count, weight = entry.weight, headroom = entry.headroom,
          states = ticket_states(entry.spec)}
      end
    end
  end
  if active[lane] and not placed then
    order[#order + 1] = {mine = true}
  end
  local offers = {}
  for round = 1, rounds do
    for _, entry in ipairs(order) do
      if entry.mine then
        if round <= #mine[lane] then
          offers[#offers + 1] = {index = mine[lane][round], head = round == 1, lane = lane}
        end
      elseif round <= entry.count then
        offers[#offers + 1] = {entry = entry}
      end
    end
  end
  return offers
end

local function take(candidate)
  if candidate.index then
    local taken = offer(candidate.index)
    if taken and candidate.head then
      head_granted[candidate.lane] = true
    end
    return taken
  end
  local entry = candidate.entry
  return consider(entry.weight, entry.states, entry.headroom)
end

-- Urgent first; then normal before bulk, except that while both lanes wait bulk goes first whenever it
-- has had less than its share of their grants (counted fleet-wide: contended grants, bulk's of
-- them bulk). Other processes' grants are counted as the walk foresees them, written when they happen.
local function walk(tickets)
  for _, candidate in ipairs(lane_offers(tickets, 1)) do
    take(candidate)
  end
  local normal, bulk = lane_offers(tickets, 2), lane_offers(tickets, 3)
  local both = #normal > 0 and #bulk > 0
  local n, b, next_normal, next_bulk = contended.n, contended.b, 1, 1
  local added_n, added_b = 0, 0
  while next_normal <= #normal or next_bulk <= #bulk do
    local pick_bulk = next_bulk <= #bulk and (next_normal > #normal or b < step.share * (n + 1))
    local candidate
    if pick_bulk then
      candidate, next_bulk = bulk[next_bulk], next_bulk + 1
    else
      candidate, next_normal = normal[next_normal], next_normal + 1
    end
    if take(candidate) and both then
      n = n + 1
      b = b + (pick_bulk and 1 or 0)
      if candidate.index then
        added_n = added_n + 1
        added_b = added_b + (pick_bulk and 1 or 0)
      end
    end
  end
  if added_n > 0 then
    share_update = (contended.n + added_n) .. '|' .. (contended.b + added_b)
  end
end

-- Half-open: one probe for the whole ban scope, the head of the first waiting ticket, once none is out.
local function probe(tickets)
  local first, best = tickets[1], nil
  for lane = 1, LANES do
    if #mine[lane] > 0 then
      best = lane
      break
    end
  end
  if gate.probe == '' and best and (not first or first.proc == me or first.lane > best
      or (first.lane == best and first.score >= seq_value[best])) and offer(mine[best][1]) then
    head_granted[best] = true
    gate.probe, gate_dirty = batch[mine[best][1]][3], true
    reply.probe = 1
  else
    wait_until = now + probe_poll
  end
end

-- Each lane's ticket is written (one HSET) while this process still waits in it, or removed (one HDEL).
local function save_tickets()
  local granted_set, sets, dels = {}, {}, {}
  for _, index in ipairs(granted) do
    granted_set[index] = true
  end
  local until_ms = wait_until or now
  local deadline = until_ms + step.grace
  for lane = 1, LANES do
    local head = nil
    for _, index in ipairs(mine[lane]) do
      if not granted_set[index] then
        head = batch[index]
        break
      end
    end
    local left = (tonumber(counts[lane]) or 0) - lane_granted[lane]
    head = head or (left > 0 and batch[mine[lane][#mine[lane]]])
    if head then
      local text = head_granted[lane] and ms(now) or seq_text[lane]
      sets[#sets + 1] = me .. ':' .. (lane - 1)
      sets[#sets + 1] = text .. '|' .. ms(deadline) .. '|' .. math.max(left, 1) .. '|' .. head[1] .. '|'
        .. (head[5] or 0) .. '|' .. ticket_spec(head[2])
      reply.sq[lane] = text
    elseif my_ticket[lane] then
      dels[#dels + 1] = me .. ':' .. (lane - 1)
    end
  end
  if #sets > 0 then
    reply.w = math.max(until_ms - now, 0)
  end
  if share_update then
    sets[#sets + 1] = SHARE_FIELD
    sets[#sets + 1] = share_update
  end
  if #sets > 0 then
    redis.call('HSET', queue_key, unpack(sets))
    keep_alive(queue_key, deadline - now + margin)
  end
  if #dels > 0 then
    redis.call('HDEL', queue_key, unpack(dels))
  end
end

if me and me ~= '' and step.q then
  local tickets = read_tickets()
  for lane = 1, LANES do
    mine[lane], lane_granted[lane] = {}, 0
  end
  for index, request in ipairs(batch) do
    local lane = (request[4] or 1) + 1
    mine[lane][#mine[lane] + 1] = index
  end
  for _, entry in ipairs(tickets) do
    if entry.proc == me then
      my_ticket[entry.lane] = entry
    end
  end
  for lane = 1, LANES do
    active[lane] = #mine[lane] > 0
    local given = (step.sq or {})[lane]
    seq_text[lane] = my_ticket[lane] and my_ticket[lane].seq or ((given and given ~= '') and given or ms(now))
    seq_value[lane] = tonumber(seq_text[lane])
  end
  if banned_for > 0 or held_for > 0 then
    wait_until = math.max(ban_until, hold_until)
  elseif half_open then
    probe(tickets)
  else
    walk(tickets)
  end
  reply.g = granted
  granted_any = #granted > 0
  save_tickets()
  for name in pairs(held) do
    reply.held[#reply.held + 1] = name
  end
end

flush_slots(keep_alive)
save_shared(granted_any)
reply.gen, reply.lvl, reply.open = gate.gen, gate.lvl, gate.open and 1 or 0

if step.s and #step.s > 0 then
  local rows = {}
  for _, index in ipairs(step.s) do
    local def = defs[index]
    local s = state(def.name, def.limit, def.period)
    rows[#rows + 1] = {s.used, s.in_flight, math.max(s.blocked_until - now, 0)}
  end
  local waiting = step.n or 0
  local by_lane = {}
  for lane = 1, LANES do
    by_lane[lane] = tonumber((step.ln or {})[lane]) or 0
  end
  for _, entry in ipairs(read_tickets()) do
    if entry.proc ~= me then
      waiting = waiting + entry.waiting
      by_lane[entry.lane] = by_lane[entry.lane] + entry.waiting
    end
  end
  reply.s = rows
  reply.fleet = waiting
  reply.fl = by_lane
end

return cjson.encode(reply)
