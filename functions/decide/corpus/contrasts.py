# ruff: noqa: E501
"""Contrasts: training templates written on 2026-11-27 as contrast pairs and small families, one
per line, grouped by domain.

A model trained on the other sets does much worse on lines written in voices it has not read
than in cross-validation, and its worst mistakes are lines whose meaning turns on one detail: a
count that is zero or not, a retry that recovered or gave up, a state word, an HTTP status, who
caused the failure (the customer or cashier, or the system), whether it is a test, a drill or
planned work. Here most templates come in families of two to four lines that share their
wording and differ only in that detail, each labelled as an operator would want, so the model
has to read the detail rather than the words around it. They are written in the everyday
voices of in-house retail IT teams (terse, chatty, logfmt `k=v`, JSON-ish fields, upper-case
device codes, non-native English), by hand for StackLens, none copied from a public data set.

Same format and labelling rules as templates.py: `<severity><actionable>[@<level>] | <message>`,
with the slots the corpus generator fills.
"""

CONTRASTS = {
    "pos": """
I0 | job=tlog_push store={store} lane={lane} pending=0 sent={n} status=done
H1@INFO | job=tlog_push store={store} lane={lane} pending={n} sent=0 status=done
I0@WARN | Lane {lane}: the sending of sale {id} to backoffice has failed one time, at the second try it is arrived
M0 | Lane {lane}: the sending of sale {id} to backoffice has failed, next try in {n2} minutes
H1 | Lane {lane}: the sending of sale {id} to backoffice has failed {max} times, we stop to try, the sale stays only on the till
I0 | Training-mode ticket {id} on lane {lane} kept out of the sales totals
H1@INFO | Training-mode ticket {id} on lane {lane} was booked into the real sales totals of store {store}
I0@WARN | Store {store}: lanes 1-{n2} down for the planned till rollout {version} (change {id}), back before opening
C1 | Store {store}: lanes 1-{n2} down, no change on record, customers queuing at the service desk
L0@ERROR | Price override on lane {lane} refused: cashier {user} has no override right
H1 | Price override on lane {lane} refused for every cashier since {ts}: rights service returned 500
I0 | DRW {lane} ST=CLOSED CNT=OK
H1@WARN | DRW {lane} ST=JAMMED CNT=UNKNOWN, TILL LOCKED FOR TENDER
I0 | SCO bank {n2}: {n} sessions today, 0 alerts left unresolved at close
M1 | SCO bank {n2}: {n2} unexpected-item alerts left unresolved at close, staffing at the bank looks short
I0 | Cash-up lane {lane} by {user}: counted {amount}, matches expected, difference 0.00
H1@INFO | Cash-up lane {lane} by {user}: counted {amount}, expected {amount2}, difference booked to suspense
I0 | "evt": "voucher_redeem", "lane": {lane}, "code": "{code}", "result": "ok", "saved": {amount}
L0 | "evt": "voucher_redeem", "lane": {lane}, "code": "{code}", "result": "already_used"
H1 | "evt": "voucher_redeem", "lane": {lane}, "code": "{code}", "result": "service_error", "http": 502
I0 | Scanner QA lane {lane}: first-pass read rate 98 %, window clean
M1 | Scanner QA lane {lane}: first-pass read rate 61 %, window scratched, cashiers rescanning most items
H1 | Scanner QA lane {lane}: first-pass read rate 0 %, scanner sends nothing, cashiers keying every item by hand
I0@WARN | DR exercise: store server {host} switched off on purpose, lanes ran standalone {n2} min, every sale synced back
C1 | Store server {host} went off by itself, lanes cannot finish any sale, card or cash, for {n2} min now
M0 | Loyalty lookup on lane {lane} slow ({ms} ms), sale {id} closed without points, the nightly job adds them
L0@ERROR | Loyalty app of the customer scanned twice on lane {lane}, second scan ignored
""",
    "payments": """
L0 | Auth {id} lane {lane}: declined by the issuer, reason 51 insufficient funds, customer paid another way
H1 | Auth {id} lane {lane}: declined on the terminal itself, acquirer {host} not reachable, no card sale possible on this lane
L0@ERROR | PINPAD {terminal} PIN WRONG TRY {try}, CUSTOMER RETRY
H1 | PINPAD {terminal} PIN BLOCK ENCRYPT FAIL, KEY MISSING, ALL PIN TXN ABORTED
I0 | settlement date={date} store={store} txns={n} unmatched=0 status=reconciled
H1@INFO | settlement date={date} store={store} txns={n} unmatched={n2} status=reconciled_with_gaps
I0@ERROR | Refund {id} to card ****{card}: gateway 504 at first try, second try accepted
M0 | Refund {id} to card ****{card}: gateway 504, will try again at {ts}
H1 | Refund {id} to card ****{card}: gateway 504 on all {max} tries, customer not refunded, manual refund needed
I0@WARN | Skimmer-check exercise in store {store}: the planted test overlay on PIN pad {terminal} found by staff in {n2} min
C1 | Skimming overlay found on PIN pad {terminal} in store {store}, device pulled, cards read today may be copied
I0 | Payment {uuid} for basket {id}: one authorisation, one capture, amounts equal
H1@WARN | Payment {uuid} for basket {id}: captured two times ({amount} each), customer charged double
I0 | "terminal": "{terminal}", "lane": {lane}, "state": "IDLE", "last_txn_ms": {ms}
H1@INFO | "terminal": "{terminal}", "lane": {lane}, "state": "OUT_OF_ORDER", "last_txn_ms": {ms}
M0@INFO | "terminal": "{terminal}", "lane": {lane}, "state": "UPDATING", "progress_pct": {pct}
L0 | Contactless over the limit on {terminal} ({amount}), customer asked to insert the card, approved with PIN
L0@ERROR | Balance enquiry for gift card {card}: HTTP 404, number keyed wrong by cashier {user}, keyed again
H1 | Balance enquiry for gift card {card}: HTTP 500 from the gift card provider, no gift card can be checked or spent in store {store}
I0 | payment cert on {host} renewed by the automation, good until {date}
M1 | heads-up: {n2} days left on the payment cert of {host}, and the auto-renewal failed again last night
C1 | payment cert on {host} ran out at {ts}, acquirer refuses every card payment of the chain
I0 | Card approval rate in store {store} 96 % over the last hour, as usual
M1 | Card approval rate in store {store} down to 78 % over the last hour (usual 96 %), most declines say issuer unavailable
M0@INFO | Terminal {terminal} fetching its nightly parameters, lane {lane} takes cash only for about {n2} minutes
""",
    "inventory": """
I0 | Aisle {n2} stock take, store {store}, signed off by {user}: {n} lines, no differences found
H1@INFO | Aisle {n2} stock take, store {store}, signed off by {user}: {n} lines, {n2} of them not posted (item unknown to the ledger)
I0 | On hand for {sku} at store {store} went to 0 after the sale, reorder triggered
M1 | On hand for {sku} at store {store} went to {neg} after the sale, ledger and shelf no more agree
I0@ERROR | ASN {id} from {supplier}: EDI gateway answered 503 to the first send, resend at {ts} accepted
M0@ERROR | ASN {id} from {supplier}: EDI gateway answered 503, resend queued
H1 | ASN {id} from {supplier}: EDI gateway answered 503 to {max} sends in a row, the dock cannot book the delivery in
I0 | Goods-in {id} from {supplier}: all cases received, 0 short, 0 damaged
L0 | Goods-in {id} from {supplier}: {n2} cases short, claim raised with the supplier as usual
H1@INFO | Goods-in {id} from {supplier}: 0 cases received against a note of {n} cases, the receiving app never saved the scans
L0@ERROR | HHT {n2} user {user}: qty 9999 keyed for {sku}, above the maximum for one count line, refused
I0 | PO {id} to {supplier} went out over EDI, 997 ack back in {ms} ms
M0@INFO | PO {id} to {supplier} went out over EDI, ack still pending after {n2} min, normal for this supplier
H1@INFO | PO {id} to {supplier} went out over EDI, no 997 ack after {n2} hours, the order may not exist on their side
I0 | ledger_close period={date} store={store} state=CLOSED lines={n}
H1@INFO | ledger_close period={date} store={store} state=STUCK_IN_POSTING lines={n}
I0 | Restore test of the stock ledger of store {store} into the sandbox from the backup of {date}: {n} movements, same as production
C1 | Stock ledger of store {store} restored from the backup of {date}, every movement after it is lost
I0@WARN | WMS at DC {store} in planned maintenance 01:00-03:00, picking paused, pick lists printed before
C1 | WMS at DC {store} down, pickers have no lists, no delivery leaves for the stores tonight
L0 | GET /items/{sku} -> 404, code not ranged in this store, handheld shows not for sale
H1 | GET /items/{sku} -> 500 from item master, handhelds show no product data for any scan
M1 | Online availability of store {store} still from {date} 06:00, click and collect offers stock that may be gone
I0 | Transfer {id} store {store} -> {store2}: shipped and received, quantities equal
H1 | Transfer {id} store {store} -> {store2}: {n} units shipped, receiving side never booked, stock gone from both
I0@WARN | Markdown run store {store}: {n} short-dated items reduced to clear, yellow warning labels printed
M1 | Markdown run for short-dated stock in store {store} is {n2} hours late, reduced labels not printed yet
""",
    "printers": """
I0 | {printer} lane {lane}: paper ok, cover closed, head temperature normal
M1 | {printer} lane {lane}: paper near end, about {n2} receipts left
H1 | {printer} lane {lane}: paper out, receipt of sale {id} not printed, lane waiting
I0@WARN | Test page "ERROR SAMPLE" sent to {printer} by {user} to check the layout, printed fine
I0@ERROR | spool: job {id} to {printer} refused (printer busy), requeued, printed on try 2
H1 | spool: job {id} to {printer} refused {max} times (printer busy), job dropped
I0 | Ticket run {id} for store {store}: {n} shelf tickets out, 0 errors
H1@INFO | Ticket run {id} for store {store}: {n} shelf tickets out, {n2} errors (price field empty in the template)
I0 | FISCAL LANE {lane} Z-REPORT {n} OK MEM FREE {pct}%
M1 | FISCAL LANE {lane} MEM FREE 4%, REPLACE MODULE THIS WEEK
C1 | FISCAL LANE {lane} MEM FULL, SALES RECEIPT REFUSED, LANE CANNOT SELL
L0@ERROR | {printer} lane {lane}: blank receipt, roll loaded the wrong way round by the cashier, reloaded and reprinted
H1 | {printer} lane {lane}: blank receipts with a roll loaded right, thermal head gives no heat, lane prints nothing
I0 | Deli counter printer {printer} switched off for cleaning by {user}, orders go to label-1 meanwhile
H1@WARN | Deli counter printer {printer} not answering, {n2} customer orders stuck in its queue
I0 | cups queue={printer} state=idle accepting=yes jobs=0
H1@INFO | cups queue={printer} state=stopped accepting=no jobs={n} reason="backend failed"
M0@INFO | cups queue={printer} state=processing jobs={n2} reason="warming up"
L0 | POST /print/receipts/{id}/reprint -> 403, {user} may not reprint after shift close
H1 | POST /print/receipts/{id} -> 502 from print gateway, no e-receipt fallback, customer left without receipt
H1@INFO | {printer} printed {n} labels with a barcode the tills cannot read (wrong symbology in template {file})
C1 | Print server {host} down, no lane of store {store} can print a receipt, and without receipt we are not allowed to sell
I0 | Print server {host} failover drill: standby took the queues in {ms} ms, no job lost
M0 | {printer} on lane {lane} coming back after the USB hub reset, {n2} receipts held in the spooler until it answers
L0@ERROR | Label format {file} chosen by {user} is for 58 mm rolls, {printer} has 80 mm loaded, print refused
M1 | The cutter of {printer} has needed {n2} retries for each roll today, blade is worn, to change this week
""",
    "web": """
L0 | GET /media/products/{sku}/main.jpg 404, placeholder image shown
H1 | GET /api/price/{sku} 500 from pricing, product page shows "price unavailable"
L0 | login user={user} result=denied reason=wrong_password attempt={try}
H1@WARN | login user={user} result=denied reason=idp_unreachable attempt={try}
M0 | checkout: payment provider answered 429 for session {hex}, client backs off {ms} ms
I0 | deploy web-shop {version} to {host}: canary at 5 % healthy for 10 min, rolled out to 100 %
H1@INFO | deploy web-shop {version} to {host}: canary 5xx at 12 %, automatic rollback done, release blocked
I0 | TLS cert of the shop front renewed by certbot, next expiry {date}
M1 | TLS cert of the shop front expires in 6 days, certbot renewal failing since {date}
C1 | TLS cert of the shop front expired at {ts}, browsers block the shop, checkouts at zero
I0@WARN | Load test run {id} on staging: 5xx at 3 %, p95 {ms} ms, as expected at four times the traffic
M1 | Production 5xx at 3 % on /checkout for 20 min, p95 {ms} ms, no deploy in the window
I0 | 'back soon' page switched on for the shop front by {user} for the planned release window from {ts}
C1 | Shop front shows the 'back soon' page since {ts}, nobody switched it on, no orders coming in
I0 | "path": "/api/orders", "status": 201, "ms": {ms}, "order": "{id}"
L0@ERROR | "path": "/api/orders", "status": 422, "ms": {ms}, "error": "delivery slot no longer available"
H1 | "path": "/api/orders", "status": 500, "ms": {ms}, "error": "NullReferenceException in BasketMapper"
I0 | search q="{query}" hits=0 suggestion shown
H1@INFO | search q="{query}" hits=0 index=products_v{n2} status=index_not_found
L0 | {n} failed logins from {ip} in 5 min, address throttled by the WAF as configured
C1 | Admin account {user2} signed in from {ip} and exported the customer table, nobody of the team did it
M0@ERROR | Redis session node {host} failing over, carts read-only for about {n2} s
I0@ERROR | payment widget script failed to load once for session {hex}, reloaded by itself, order {id} placed
I0 | nightly link check: {n} urls, 0 broken
M1@INFO | nightly link check: {n} urls, {n2} broken, all under /category/{category}
H1@INFO | GET /api/price/{sku} 200 but price=0.00 in the body, same for every item since release {version}
""",
    "database": """
I0 | pg_dump sales_{store} finished: {n} MB, restore check passed
H1@INFO | pg_dump sales_{store} finished: 0 MB, restore check skipped
I0 | replica {host2} lag 0.{n2} s
M1 | replica {host2} lag {n} s and rising, reports read from it show old figures
I0@WARN | Switchover exercise by {user2}: primary {host} shut down, replica {host2} took over in {ms} ms, apps reconnected
H1 | Primary {host} shut down on its own, replica {host2} took over, apps reconnected, no standby left until the old primary is rebuilt
C1 | Primary {host} shut down without warning, replica {host2} took over in {ms} ms, the last {n} committed sales are missing on the new primary
I0 | db volume {mount} on {host}: 58 % used
M1 | db volume {mount} on {host}: 91 % used, growing 2 % a day
C1 | db volume {mount} on {host}: 100 % used, PostgreSQL refusing writes
I0@ERROR | deadlock detected on {table}, txn {id} retried by the app and committed
H1 | deadlock detected on {table}, txn {id} retried {max} times and still failing, stock update lost
L0@ERROR | BI tool: {user} ran an ad hoc query on {table} without read right, refused
H1 | nightly export: role etl_export lost its read right on {table} with grant script {version}, export stopped
I0 | autovacuum: table {table}, {n} dead tuples removed
M1 | autovacuum has not finished on {table} for {n2} days, wraparound in about {n} million transactions
M0 | pool sales-db: {n2} of 20 connections busy, {n2} callers waiting, usual peak after store opening
H1 | pool sales-db: 20 of 20 busy for {n2} min, requests fail with "timeout acquiring connection"
I0 | migration {version} on {host}: 3 of 3 steps applied, 0 errors
H1@WARN | migration {version} on {host}: 2 of 3 steps applied, step 3 failed, schema half migrated
I0 | "job": "checksum_verify", "table": "{table}", "rows": {n}, "mismatch": 0
C1 | "job": "checksum_verify", "table": "{table}", "rows": {n}, "mismatch": {n2}, "note": "pages corrupt on {dev}"
I0@WARN | slow query log: {ms} ms on {table} from the weekly report {method}, finished normally
L0 | Login of {user} to the reporting replica refused: account expired on {date}, per access policy
L0@ERROR | ORA-00001: unique constraint violated on {table}, cashier typed customer number {id} which exists already, form shows the message
M0@INFO | Replica {host2} restarting for minor patch {version}, reads go to the primary for a few minutes
""",
    "queues": """
I0 | consumer {process} on {queue}: batch {id} done, {n} handled, 0 skipped
H1@INFO | consumer {process} on {queue}: batch {id} done, {n} handled, {n2} skipped as undecodable
I0 | consumer-group stock-writer topic={queue} lag={n2}
M1 | consumer-group stock-writer topic={queue} lag={n} growing for 2 h
I0@WARN | publish to {queue} nacked by the broker, retried, confirm received for msg {id}
M0 | publish to {queue} nacked by the broker, msg {id} kept in the outbox, retry {try} of {max} scheduled
H1 | publish to {queue} nacked {max} times, msg {id} thrown away from the outbox
I0 | RabbitMQ node {host} rolling restart for upgrade {version}, queues mirrored, clients moved over
C1 | RabbitMQ cluster: all nodes down since {ts}, sales, stock and price events flow to no store
L0 | msg {id} on {queue} refused: schema v1 retired, partner app {user} told to upgrade
H1 | consumer on {queue} restarting in a loop on msg {id}: JSON parse error at byte {n}
I0 | msg {id} on {queue} seen before (idempotency key {hex}), skipped
H1@WARN | msg {id} on {queue} seen before but the idempotency check was off, stock of {sku} taken off two times
I0 | "queue": "{queue}", "ready": 0, "unacked": {n2}, "consumers": 3, "state": "running"
H1@INFO | "queue": "{queue}", "ready": {n}, "unacked": 0, "consumers": 0, "state": "running"
M1 | "queue": "{queue}", "ready": {n}, "consumers": 1, "state": "flow", "note": "publishers throttled"
I0 | price-change msg {id} expired unread after its TTL, a newer price was already applied
H1 | price-change msg {id} expired unread after its TTL, store {store} never got the new price
I0@ERROR | TEST ONLY: synthetic failure msg {id} pushed to {queue} by monitoring, consumed and dropped
M1 | broker {host} disk free 6 GB, the alarm at 5 GB will block publishers
H1 | broker {host} disk alarm set, publishers on this node blocked, tills keep their events locally
M0@INFO | celery: {n2} tasks on {queue} waiting for a worker, autoscaler adding {try} workers
C1 | Event buffer of store {store} on {dev} unreadable after the power cut, {n} sale events gone for good
L0@ERROR | consumer {process}: event {id} is for store {store}, closed since {date}, dropped by rule
L0 | store app sent event {id} dated in the future ({date}), parked for review as the rule says
I0 | kafka retention cleanup on {queue}: {n} segments older than 7 days removed
""",
    "os": """
I0 | till{lane} C: free 41 GB of 64
M1 | till{lane} C: free 3 GB of 64, update {version} needs 5 GB
I0 | robocopy journal backup lane {lane}: {n} files copied, 0 failed, exit code 1
H1@INFO | robocopy journal backup lane {lane}: {n} files copied, {n2} failed, exit code 8
H1@INFO | robocopy journal backup lane {lane}: 0 files copied, 0 failed, exit code 16
I0@WARN | systemd: {process}.service restarted after exit code 1, running since {ts}
H1 | systemd gave up on {process} after 5 restarts in 10 s, unit is inactive (failed)
I0 | UPS self-test store {store}: on battery 10 s, back on mains, battery good
C1 | UPS store {store} on battery {n2} min, mains gone, battery at 9 %, server shutting down, store goes dark
L0 | RDP logon for {user} on {host} refused: not in the remote desktop group, as per policy
C1 | root login over ssh on {host} from {ip}, address outside every known range, no change open
I0 | WSUS: {n2} updates installed on till{lane}, rebooted in the maintenance window
H1 | WSUS: update {version} failed to install on till{lane} ({n2} tries), till stays on the old build
I0 | chrony: offset 0.002 s, synced to {host}
M0@INFO | chrony: source {host} unreachable, still synced to {host2}, offset holding at 0.003 s
M1 | chrony: offset 4.2 s against {host}, card terminals refuse times more than 5 s off
I0@WARN | Store {store} main line dropped, 4G backup carried the traffic for {n2} min, main line back
M1 | Store {store} on 4G backup for {n2} hours, main line still down, ISP ticket open
M0 | {host}: swap in use while the nightly batch of {process} runs, frees up when it ends
M1 | {host}: swap in use {pct} %, {process} at 6 GB and growing since yesterday
I0@WARN | Defender quarantined the EICAR test file on till{lane} during the security check by {user}
C1 | Defender found ransomware on {host}, {n} files encrypted on the share {path}
I0 | cron job {method} on {host}: rc=0, nothing mailed
H1@INFO | cron job {method} on {host}: rc=2, output mailed to root where nobody reads it
L0@ERROR | AD: account {user} locked after {n2} bad passwords on till{lane}
H1 | AD: every till of store {store} fails logon, domain controller {host} unreachable, only cached logons work
I0 | till{lane} booted in {ms} ms after the nightly power-off, all peripherals found
H1@WARN | till{lane} booted after the nightly power-off, cash drawer and scanner not found
""",
    "runtimes": """
I0@WARN | java.net.SocketTimeoutException in {klass}.{method} caught, price taken from the fallback cache, request ok
H1 | java.net.SocketTimeoutException in {klass}.{method} not caught, request {uuid} returned 500
I0 | young gen collection on {process} took {ms} ms, heap back to 38 %
M1 | full GC every 40 s on {process}, heap 94 % after GC, OOM likely before tonight
C1 | JVM of {process} died with OutOfMemoryError (heap), checkout service down for every store
I0@ERROR | Traceback (most recent call last): ... requests.exceptions.ConnectionError, retry 2 ok, {method} finished
H1 | Traceback (most recent call last): ... requests.exceptions.ConnectionError, no retry left, {method} aborted, {n} orders not exported
I0 | pod {process}-{hex2} Running 1/1 restarts=0
H1@INFO | pod {process}-{hex2} CrashLoopBackOff 0/1 restarts={n2}
M0@INFO | pod {process}-{hex2} ContainerCreating 0/1, image pull in progress
I0@WARN | chaos test: {process} pod killed on purpose, replacement ready in {ms} ms, 0 failed requests
H1@WARN | (node:{n}) UnhandledPromiseRejectionWarning: TypeError: basket.lines is not iterable at {method}, basket {id} left unsaved
I0@WARN | exception sampler on {process} turned on by {user} for one hour as planned, the traces that follow are samples
L0 | config {file}: unknown key '{key}' ignored, typo by {user} in the local override
H1 | config {file}: required key '{key}' missing, {process} started with defaults and every tax rate at 0
I0 | job {method} done in {ms} ms: processed {n}, errors 0
H1@INFO | job {method} done in {ms} ms: processed 0 of {n}, errors 0
H1 | job {method} done in {ms} ms: processed {n}, errors {n2}, the failed records dropped
L0@ERROR | ValidationError: e-mail address invalid in customer signup at the kiosk, user asked to correct it
M0 | executor {process}: {n2} tasks queued, all workers busy, new workers starting
M1 | executor {process}: task queue at {n} and growing for 30 min, callbacks late
I0 | {process} {version} started, schema version matches, 0 pending migrations
C1 | {process} {version} refuses to start: schema newer than the binary, checkout API down for every store
L0 | rate limit: API key of partner app {user} over 100 req/min, 429 returned as agreed
I0 | feature flag new_tax_engine off for store {store}, old path used as planned
H1 | feature flag new_tax_engine on for store {store}, NameError in {method}, baskets cannot be totalled
I0@DEBUG | panic handler test: /debug/panic called by {user} on staging, stack printed, process kept running
""",
}
