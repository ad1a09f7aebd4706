-- The fleet step, second part: tickets, the walk by lane, the tickets written back and the reply.
-- Not a script of its own: _fleet_step.script_source() appends it to _fleet.lua, and Redis runs both as
-- one chunk (the locals of _fleet.lua are in scope here).

-- Tickets: one per process and lane with waiters, in the budget's hash: field "t:<process>:<lane>" (lane 0 urgent,
-- 1 normal, 2 bulk), value "seq|deadline|waiting|weight|headroom|name,limit,period;...", ordered by lane,
-- then arrival (seq, then process). The same hash keeps the bulk share's counters (field "share":
-- "contended|bulk", the normal+bulk grants made while both lanes waited and bulk's of them), so they
-- are read and written with the tickets at no extra command.
local me = step.t
local LANES = 3
local SHARE_FIELD = 'share'
local contended = {n = 0, b = 0}
local share_update = nil

local share_n, share_b = string.match(hash[SHARE_FIELD] or '', '^(%d+)|(%d+)$')
contended.n, contended.b = tonumber(share_n) or 0, tonumber(share_b) or 0

local ticket_cache = nil

local function read_tickets()
  if ticket_cache then
    return ticket_cache
  end
  local tickets = {}
  for index = 1, #raw_hash, 2 do
    local id = raw_hash[index]
    local proc, lane = string.match(id, '^t:(.*):(%d)$')
    if proc then
      local seq, deadline, waiting, weight, headroom, spec =
        string.match(raw_hash[index + 1], '^([^|]+)|([^|]+)|([^|]+)|([^|]+)|([^|]+)|(.*)$')
      if proc ~= me and (not deadline or tonumber(deadline) < now) then
        redis.call('HDEL', queue_key, id)
      elseif seq then
        tickets[#tickets + 1] = {
          id = id, proc = proc, lane = tonumber(lane) + 1, seq = seq, score = tonumber(seq),
          waiting = tonumber(waiting) or 0, weight = tonumber(weight) or 1, headroom = tonumber(headroom) or 0,
          spec = spec,
        }
      end
    end
  end
  table.sort(tickets, function(left, right)
    if left.lane ~= right.lane then
      return left.lane < right.lane
    end
    return left.score < right.score or (left.score == right.score and left.proc < right.proc)
  end)
  ticket_cache = tickets
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

-- Urgent slots in use fill the reserve first: the other lanes keep limit - headroom whatever the urgent
-- lane uses within it.
local function reserved(s, headroom)
  return math.max(headroom - s.urgent, 0)
end

local function fits(s, weight, headroom)
  return now >= s.blocked_until and s.used + weight <= s.limit - reserved(s, headroom)
end

local function consider(weight, bucket_states, headroom, urgent)
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
    if urgent then
      s.urgent = s.urgent + weight
    end
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
    local need = s.used + (queued[s.name] or 0) + weight - (s.limit - reserved(s, headroom))
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
  if consider(request[1], bucket_states, headroom, (request[4] or 1) == 0) then
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
          lane = lane, states = ticket_states(entry.spec)}
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
  return consider(entry.weight, entry.states, entry.headroom, entry.lane == 1)
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
  local granted_set, dels, waiting_left = {}, {}, false
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
      updates['t:' .. me .. ':' .. (lane - 1)] = text .. '|' .. ms(deadline) .. '|' .. math.max(left, 1) .. '|'
        .. head[1] .. '|' .. (head[5] or 0) .. '|' .. ticket_spec(head[2])
      reply.sq[lane] = text
      waiting_left = true
    elseif my_ticket[lane] then
      dels[#dels + 1] = 't:' .. me .. ':' .. (lane - 1)
    end
  end
  if waiting_left then
    reply.w = math.max(until_ms - now, 0)
    keep_alive(queue_key, deadline - now + margin)
  end
  if share_update then
    updates[SHARE_FIELD] = share_update
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
