-- One atomic step of the fleet rate limiter (threecommas_async/_ratelimit/_redis.py).
--
-- KEYS[1] is the ticket queue; every key shares its {hash tag}, so the step routes to one slot.
-- ARGV[1] is the key prefix, ARGV[2] the step as JSON:
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
--   t     this process's ticket id; seq its queue position (arrival time, "" when it has none)
--   q     local waiters, oldest first: [[weight, [bucket...], member], ...]; more: others wait behind them.
--         Present: the ticket is maintained (an empty q with more=false leaves the queue); absent
--         (snapshots): the queue is only read
--   n     how many local waiters there are in all; cap how many requests of another process a step
--         reserves room for (its batch size)
--   lease ms a granted slot may stay in flight before it is presumed lost
--   grace ms a ticket outlives its owner's expected return
--   margin ms added to every key's time to live
--   s     buckets to report: [bucket...]
-- Slots live in one sorted set per bucket: member "<weight>:<id>", score the time the slot frees (ms on
-- the Redis clock): grant + period + lease while in flight, release + period once answered.
-- Reply (JSON): g the granted indices of q; w ms until the earliest waiter left could fit (-1: none
-- left); ban ms left of a ban; gen, lvl, open the ban gate; probe the index in g of the half-open
-- probe (0: none); ep the fleet's epoch; hold ms left before anything is granted after state loss;
-- held the buckets someone lacks room in; seq the ticket's queue position
-- as text ("" once it left the queue); s per reported bucket [used, in flight, ms blocked]; fleet the
-- waiters of every process. Durations only, never absolute times, except seq (echoed back as text).

pcall(redis.replicate_commands)

local prefix = ARGV[1]
local step = cjson.decode(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + tonumber(clock[2]) / 1000
local margin = step.margin
local lease = step.lease
local probe_poll = 100

local blocks_key = prefix .. 'blk'
local ban_key = prefix .. 'ban'
local queue_key = KEYS[1]
local tickets_key = prefix .. 'qd'

local function ms(value)
  return string.format('%.3f', value)
end

local function keep_for(key, ttl)
  local current = redis.call('PTTL', key)
  if current < ttl then
    redis.call('PEXPIRE', key, math.ceil(ttl))
  end
end

local function slot_key(name)
  return prefix .. 's:' .. name
end

local defs = {}
for index, row in ipairs(step.b or {}) do
  defs[index] = {name = row[1], limit = tonumber(row[2]), period = tonumber(row[3])}
end

local function put_slot(def, member, in_flight, age)
  local frees = now - age + def.period
  if in_flight then
    frees = frees + lease
  end
  local key = slot_key(def.name)
  if frees <= now then
    redis.call('ZREM', key, member)
    return
  end
  redis.call('ZADD', key, ms(frees), member)
  keep_for(key, def.period + lease + margin)
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

for _, row in ipairs(step.k or {}) do
  local def = defs[row[1]]
  local block_until = now + row[2]
  local current = tonumber(redis.call('HGET', blocks_key, def.name)) or 0
  if block_until > current then
    redis.call('HSET', blocks_key, def.name, ms(block_until))
  end
  keep_for(blocks_key, row[2] + margin)
end

-- The ban gate, a circuit breaker (see _gate.py): one escalation per ban event, then half-open for
-- exactly one probe; a success opens it and resets the level.
local raw_gate = redis.call('HMGET', ban_key, 'gen', 'lvl', 'until', 'open', 'probe')
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
-- is a first start that trusts a fresh fleet.
local epoch_key = prefix .. 'ep'
local raw_epoch = redis.call('HMGET', epoch_key, 'id', 'hold')
local epoch_id, hold_until = raw_epoch[1], tonumber(raw_epoch[2]) or 0
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
  redis.call('HSET', epoch_key, 'id', epoch_id, 'hold', ms(hold_until))
  redis.call('PEXPIRE', epoch_key, math.ceil(step.ettl or 86400000))
end
local held_for = math.max(hold_until - now, 0)

local ban_until = gate['until']
local banned_for = math.max(ban_until - now, 0)
local half_open = not gate.open and banned_for <= 0
local function save_gate()
  if gate_dirty then
    redis.call('HSET', ban_key, 'gen', gate.gen, 'lvl', gate.lvl, 'until', ms(gate['until']),
      'open', gate.open and '1' or '0', 'probe', gate.probe)
    redis.call('PEXPIRE', ban_key, math.ceil(banned_for + lease + margin))
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
  redis.call('ZREMRANGEBYSCORE', key, '-inf', ms(now))
  local raw = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
  local frees, used, in_flight = {}, 0, 0
  local horizon = now + period
  for index = 1, #raw, 2 do
    local weight = tonumber(string.match(raw[index], '^(%d+):')) or 1
    local score = tonumber(raw[index + 1])
    used = used + weight
    if score > horizon then
      in_flight = in_flight + weight
      score = horizon
    end
    frees[#frees + 1] = {score, weight}
  end
  found = {
    name = name,
    limit = limit,
    period = period,
    used = used,
    in_flight = in_flight,
    frees = frees,
    blocked_until = tonumber(redis.call('HGET', blocks_key, name)) or 0,
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

-- Tickets: one per waiting process, ordered by arrival; data "deadline|waiting|weight|name,limit,period;...".
local function read_tickets()
  local raw = redis.call('ZRANGE', queue_key, 0, -1, 'WITHSCORES')
  local ids = {}
  for index = 1, #raw, 2 do
    ids[#ids + 1] = {id = raw[index], score = tonumber(raw[index + 1]), seq = raw[index + 1]}
  end
  local tickets = {}
  if #ids == 0 then
    return tickets
  end
  local names = {}
  for index, entry in ipairs(ids) do
    names[index] = entry.id
  end
  local data = redis.call('HMGET', tickets_key, unpack(names))
  for index, entry in ipairs(ids) do
    local text = data[index]
    local deadline, waiting, weight, spec
    if text then
      deadline, waiting, weight, spec = string.match(text, '^([^|]+)|([^|]+)|([^|]+)|(.*)$')
    end
    if entry.id ~= step.t and (not deadline or tonumber(deadline) < now) then
      redis.call('ZREM', queue_key, entry.id)
      redis.call('HDEL', tickets_key, entry.id)
    else
      entry.waiting = tonumber(waiting) or 0
      entry.weight = tonumber(weight) or 1
      entry.spec = spec or ''
      tickets[#tickets + 1] = entry
    end
  end
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
-- for everything behind it; a request that fits takes its weight (for real when it is ours).
local held, queued = {}, {}

local function fits(s, weight)
  return now >= s.blocked_until and s.used + weight <= s.limit
end

local function consider(weight, bucket_states)
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
    if not fits(s, weight) then
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

local function earliest(weight, bucket_states)
  local at = now
  for _, s in ipairs(bucket_states) do
    local need = s.used + (queued[s.name] or 0) + weight - s.limit
    at = math.max(at, s.blocked_until, free_at(s, need))
  end
  return at
end

local reply = {g = {}, w = -1, ban = banned_for, held = {}, seq = '', probe = 0, ep = epoch_id, hold = held_for}
local batch = step.q or {}
local me = step.t

if me and me ~= '' and step.q then
  if #batch == 0 and not step.more then
    redis.call('ZREM', queue_key, me)
    redis.call('HDEL', tickets_key, me)
  else
    local wait_until = nil
    local granted = {}
    local head_granted = false
    local tickets = read_tickets()
    local my_score = nil
    for _, entry in ipairs(tickets) do
      if entry.id == me then
        my_score = entry.seq
      end
    end
    local seq_text = my_score or ((step.seq ~= nil and step.seq ~= '') and step.seq or ms(now))
    local seq_value = tonumber(seq_text)

    local function offer(index)
      local request = batch[index]
      local bucket_states = states_of(request[2])
      local at = earliest(request[1], bucket_states)
      if consider(request[1], bucket_states) then
        granted[#granted + 1] = index
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

    if banned_for > 0 or held_for > 0 then
      wait_until = math.max(ban_until, hold_until)
    elseif half_open then
      -- One probe for the whole fleet: the head of the first waiting process, once no probe is out.
      local first = tickets[1]
      if gate.probe == '' and (not first or first.id == me or first.score >= seq_value) and offer(1) then
        head_granted = true
        gate.probe, gate_dirty = batch[1][3], true
        reply.probe = 1
      else
        wait_until = now + probe_poll
      end
    else
      -- Round robin: round k offers the k-th waiting request of every ticket, in queue order. Other
      -- processes' requests are assumed shaped like their head; ours are the batch itself.
      local order, placed, rounds = {}, false, #batch
      for _, entry in ipairs(tickets) do
        if not placed and (entry.id == me or entry.score > seq_value
            or (entry.score == seq_value and entry.id > me)) then
          placed = true
          order[#order + 1] = {mine = true}
        end
        if entry.id ~= me then
          local count = math.min(entry.waiting, step.cap)
          rounds = math.max(rounds, count)
          order[#order + 1] = {count = count, weight = entry.weight, states = ticket_states(entry.spec)}
        end
      end
      if not placed then
        order[#order + 1] = {mine = true}
      end
      for round = 1, rounds do
        for _, entry in ipairs(order) do
          if entry.mine then
            if round <= #batch then
              local taken = offer(round)
              if round == 1 then
                head_granted = taken
              end
            end
          elseif round <= entry.count then
            consider(entry.weight, entry.states)
          end
        end
      end
    end

    reply.g = granted
    if #granted > 0 then
      redis.call('PEXPIRE', epoch_key, math.ceil(step.ettl or 86400000))
    end
    local remaining = #batch - #granted
    if remaining > 0 or step.more then
      if head_granted then
        seq_text = ms(now)
      end
      local head = nil
      local granted_set = {}
      for _, index in ipairs(granted) do
        granted_set[index] = true
      end
      for index = 1, #batch do
        if not granted_set[index] then
          head = batch[index]
          break
        end
      end
      head = head or batch[#batch]
      local until_ms = wait_until or now
      local deadline = until_ms + step.grace
      redis.call('ZADD', queue_key, seq_text, me)
      redis.call('HSET', tickets_key, me,
        ms(deadline) .. '|' .. math.max(step.n - #granted, 1) .. '|' .. head[1] .. '|' .. ticket_spec(head[2]))
      keep_for(queue_key, deadline - now + margin)
      keep_for(tickets_key, deadline - now + margin)
      reply.w = math.max(until_ms - now, 0)
      reply.seq = seq_text
    else
      redis.call('ZREM', queue_key, me)
      redis.call('HDEL', tickets_key, me)
    end
    for name in pairs(held) do
      reply.held[#reply.held + 1] = name
    end
  end
end

save_gate()
reply.gen, reply.lvl, reply.open = gate.gen, gate.lvl, gate.open and 1 or 0

if step.s and #step.s > 0 then
  local rows = {}
  for _, index in ipairs(step.s) do
    local def = defs[index]
    local s = state(def.name, def.limit, def.period)
    rows[#rows + 1] = {s.used, s.in_flight, math.max(s.blocked_until - now, 0)}
  end
  local waiting = step.n or 0
  for _, entry in ipairs(read_tickets()) do
    if entry.id ~= me then
      waiting = waiting + entry.waiting
    end
  end
  reply.s = rows
  reply.fleet = waiting
end

return cjson.encode(reply)
