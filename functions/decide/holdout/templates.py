# Real log lines run past the line-length limit, and this data is kept as written.
# ruff: noqa: E501
"""The held-out templates (v2): written by hand for the blind evaluation, never for training.

Same line format and labelling rules as functions/decide/corpus/templates.py:
`<severity><actionable>[@<level>] | <message with {slots}>`, severity C, H, M, L or I, actionable
1 or 0, and an optional odd level for the hard cases (errors logged at INFO or WARN, alarming
words in harmless lines, recovered retries logged as errors, retries still pending logged as
warnings). Template ids are `holdout2-<domain>-NNN`. See README.md in this folder.
"""

TEMPLATES = {
    "pos": """
H1 | Shift totals for till {lane} not posted to back office: API answered 422 Unprocessable Entity
H1@INFO | Nightly close of store {store} done, {n2} tills reported state ABORTED
C1 | Store server {host} has no free space for the sales journal, none of the tills in store {store} can finish a sale
H1 | Till {lane} hung on the tender screen, {user} power-cycled it and basket {id} is gone
L0@ERROR | Staff discount refused for {user}: employee card {card} is registered to another branch
L0@WARN | Return of basket {id} refused on till {lane}: receipt is older than the 30-day return window
I0 | TILL{lane} OPEN op={user} float={amount} drawer=closed
I0 | [till {lane}] +item {sku} qty {n2} unit {amount}
I0 | {"event":"basket_closed","store":"{store}","till":{lane},"total":{amount},"lines":{n2}}
I0@ERROR | Drawer kick on till {lane} got no answer; second pulse opened it
I0@WARN | Till {lane} back online after {n} s standalone, {n2} stored sales uploaded and accepted
M0@WARN | E-receipt for sale {id} parked: mail relay {host} not answering, will try again after {n} minutes
M1 | Till {lane} logged {n2} manual price overrides in the past hour, highest in store {store}
M0 | Queue camera at the tills counted {n2} waiting customers for {n} minutes
H1 | Rounding of VAT left {amount} unaccounted on receipt {id}, fiscal day totals do not balance
H1 | POS ERR 0x{hex2} DRAWER SENSOR
H1 | Exception in thread "tender-ui" java.lang.ClassCastException: class java.math.BigDecimal cannot be cast to class java.lang.Long
I0 | Crash reporter on till {lane}: nothing to upload since {date}
C1@WARN | Signing unit unreachable from every till in store {store} for {n} minutes, selling is blocked
H1@WARN | Self-checkout {n2} lets items through unweighed: bagging-area scale keeps reading 0 g
L0 | Supervisor {user} reopened shift {id} to correct a mistyped cash count
I0 | Cash-up of shift {id} by {user} balanced at {amount}
M1 | Till {lane} still on client {version}, {n2} days after the rollout deadline
I0 | Express mode on till {lane} switched on by {user}, limit {n2} articles
H1@INFO | Gift receipt for sale {id} printed with no barcode: encoder returned an empty string
L0@ERROR | Members-only coupon {code} presented on till {lane}, shopper has no loyalty card
""",
    "payments": """
H1 | Acquirer statement for {date} lists {n} transactions we never submitted
C1 | Decryption service {host} rejects keys from every terminal, no card sale possible chain-wide
H1@INFO | Pay-by-link {uuid} created, provider replied state=error, shopper received nothing
H1 | Terminal {terminal} on till {lane} frozen at "Please wait", sale {id} cannot be tendered
L0@ERROR | Cardholder verification failed for card ending {card}, shopper paid in cash instead
L0 | Tap on {terminal} turned down: issuer asks for chip and PIN after several contactless uses
L0 | Phone-wallet payment for order {id} abandoned: shopper closed the banking app before confirming
I0 | TXN {id} APPROVED AUTHCODE {hex2}{hex2} AMT {amount} PAN ****{card}
I0 | psp.capture result=ok order={id} psp_ref={hex} value={amount} cur=EUR
I0@ERROR | Reversal of authorisation {id} hit a closed socket, sent again and acknowledged
I0@WARN | Terminal {terminal} used its 4G backup for {ms} ms while the shop line was down, no sale lost
M0@WARN | Webhook for refund {id} not received from PSP, status poll scheduled in {n} minutes
M1 | {n} stand-in approvals in store {store} not yet forwarded to the acquirer, floor-limit exposure {amount}
M1 | Acquirer {host} rotates its pinned certificate on {date}; the new pin is not deployed yet
H1 | com.retail.tender.PspClientException: HTTP 401 from {host}, API key revoked?
H1 | REFUND {id} BOOKED TWICE
H1@WARN | Cash-back on terminal {terminal} not added to the drawer expectation since parameter set {version}
C1 | Merchant account suspended by the acquirer after a risk review, every card payment declined in all stores
I0 | Interchange report {date}: {n} transactions, fees {amount}
I0 | Merchant menu on {terminal} locked by {user} at end of shift
M0 | Tap-to-approval on {terminal} averaged {ms} ms this hour
H1 | Stored-value platform took {amount} off card {card} and timed out before confirming, value on the card unknown
L0@ERROR | Refund to card ending {card} refused: original purchase {id} was paid in cash
I0 | Dispute {id} closed in our favour, {amount} credited back
H1@INFO | {n} subscription tokens flagged INVALID after the card scheme migration, renewals will not be charged
""",
    "inventory": """
H1 | Receiving for PO {id} blocked: {n2} dispatch-note lines carry GTINs we do not list
C1 | Central stock database on {host} reports a corrupt page, availability for every branch reads 0
H1@INFO | Auto-replenishment for store {store} created 0 order lines (usual volume around {n})
L0@ERROR | Handheld {n2}: {user} tried to book in a purchase order addressed to store {store2}, blocked
L0@WARN | Count of bay {n2} reopened by {user} after a miscount and counted again
I0 | stockmove kind=TRANSFER sku={sku} qty={n2} src={store} dst={store2} state=DONE
I0 | Dock {n2}: {n} cases received, putaway tasks created
I0@ERROR | ESL base station {n2} lost sync, rebooted itself and re-sent {n} prices
I0@WARN | Marketplace stock export throttled for {ms} ms, all {n} rows delivered
M0@WARN | WMS {host} busy, pick list for store {store} will be asked for again at the next cycle
M1 | Chiller {n2} in store {store} held 9 C for {n} minutes, door seal should be checked
M1 | {n} pallets in store {store} received over {n2} days ago are still not put away
M0 | Order proposal for store {store} is {pct}% bigger than last week's
H1 | INVENTORY FILE {file} REJECTED - HEADER MISSING
H1 | KeyError: 'gtin' in asn_mapper.py line {n} while importing {file}
H1@WARN | Nightly job set on-hand to zero for {n} SKUs that are still selling
C1 | Web shop shows every article as sold out: availability feed delivered an empty file
I0 | Stocktake {id} signed off by {user}, accuracy {pct}%
I0 | Recall {id} from {supplier} does not concern store {store}: no affected lot on hand
I0 | Putaway task {id} closed by {user} in {ms} ms
L0@ERROR | Return-to-vendor {id} turned down by {supplier}: outside the agreed window
M1 | Handhelds in store {store} hold {n} count records not synced for over a day
H1 | Price change {id} active in the ERP never reached the shelf labels of store {store}
M0 | {n} electronic shelf labels in store {store} under 20% battery
I0@DEBUG | reserve sku={sku} qty={n2} ok left={n}
H1@INFO | Clearance stickers printed for {n} SKUs but till prices unchanged, shoppers charged full price
""",
    "printers": """
H1 | {printer} halted with RIBBON OUT halfway through batch {id}
H1@INFO | cups: job {id} on {printer} stopped, filter failed
C1 | Signing module of till {lane} has used up its transaction counter, the till refuses to sell
L0@ERROR | Print from {user}'s own phone to {printer} refused: guest devices may not use store printers
L0@WARN | Third copy of the gift slip for sale {id} wanted by {user}, only two allowed
I0 | lpd: job {id} from {host} spooled to {printer}, {n} bytes
I0 | printer={printer} state=idle media=80mm done={n}
I0@ERROR | ESC/POS write to {com} timed out; port reopened and receipt {id} came out
I0@WARN | {printer} re-measured the label gap after a roll change, batch {id} printed
M0@WARN | {printer} refused the connection (busy), spooler tries again in {n} s
M1 | Thermal head of {printer} has {n2} dead dots, print getting patchy
M1 | Toner in {printer} down to {n2}%, no spare cartridge booked
M0 | Spool backlog on {printer} peaked at {n2} jobs during the morning price change
H1 | PRT {printer} TIMEOUT ON {com}
H1 | win32: StartDocPrinter failed for "{printer}": error 1801 (invalid printer name)
H1@WARN | Shelf labels from {printer} show prices without the decimal point since font {file} was replaced
C1 | Print server {host} lost its system disk, no receipts or labels print in store {store}
I0 | {user} added queue {printer} with driver {version}
I0 | Preview of {n} promotion labels for {code} rendered
I0 | {"printer":"{printer}","job":"{id}","status":"done","pages":{n2}}
L0 | Job {id} parked on {printer}: {user} picked "print later"
H1 | Carrier rejects parcel labels from {printer}: barcode quiet zone cut off
I0@WARN | Low-toner notice on {printer} acknowledged by {user}, cartridge swapped
H1@INFO | Nightly label run: {n} labels generated, none routed to a printer (printer map empty)
I0@ERROR | IPP: {printer} answered server-error-busy, job {id} resubmitted and completed
""",
    "web": """
H1 | {ip} - - [{clf}] "PUT /api/{resource}/{id} HTTP/1.1" 502 {n} "-" "store-app/{version}"
I0 | {ip} - {user} [{clf}] "GET /api/{resource}?store={store}&limit={n2} HTTP/1.1" 200 {n} "-" "store-app/{version}"
L0 | {ip} - - [{clf}] "GET /.env HTTP/1.1" 404 {n} "-" "python-requests/2.31.0"
I0 | ts={ts} level=info msg="request done" uri=/api/{resource} code=200 took={ms}ms
H1 | ts={ts} level=error msg="handler panic" path=/api/{resource} err="runtime error: invalid memory address or nil pointer dereference"
H1@INFO | GraphQL {method} resolved with errors: [{"message":"Internal server error","path":["cart","lines"]}]
C1 | haproxy: backend shop_api has no server available!
C1 | Origin {host} serves the maintenance page to every visitor: release {version} left the switch on
M1 | Checkout completions at {pct}% of the same hour yesterday since release {version}
M1 | WAF rule {n2} blocked {n} requests a minute since {date}, false positives likely
M0 | Median latency of GET /api/{resource} went from {ms} ms to {ms} ms after the cache flush
M0@WARN | Token introspection at {host} timed out, the check will run again in {n} s
L0@ERROR | Sign-up rejected: address field for {user} failed the e-mail format check
L0 | Product search for "{query}" found nothing, spelling suggestion shown
L0@WARN | {n2} wrong voucher codes from {ip} in a minute, captcha switched on for that client
I0@ERROR | Replay of POST /api/{resource} with the same Idempotency-Key returned the stored 201, no duplicate made
I0@WARN | Backend {host} failed one probe and was healthy again {ms} ms later
I0 | Knowledge-base search "till crashed" by {user}: {n2} articles shown
I0 | {"ts":"{ts}","verb":"GET","uri":"/api/{resource}/{id}","code":200,"took_ms":{ms}}
I0 | Release {version} live on pool blue, pool green drained
H1 | SSR of /product/{sku} failed: TypeError: price.toFixed is not a function
H1@WARN | Cart API quotes prices in the wrong currency for store {store} since config {version}
H1 | Payment iframe blocked by Content-Security-Policy on /checkout/pay, nobody can pay online
I0 | robots.txt fetched by Googlebot from {ip}
L0 | HTTP 410 for {ip} on /v2/{resource}/{id}: record archived
""",
    "database": """
H1 | ERROR:  value too long for type character varying(32) on insert into {table}
H1 | psycopg2.errors.UndefinedColumn: column "{key}" does not exist
C1 | mysqld: Table './pos/{table}' is marked as crashed and last (automatic?) repair failed
C1 | Patroni on {host}: quorum lost, leader demoted, every write refused
H1@INFO | Restore drill of last night's dump: {n} tables restored, checksums differ from the source
I0 | [Note] InnoDB: Buffer pool(s) load completed at {ts}
I0 | slow_query_log=OFF general_log=OFF max_connections={n}
I0@ERROR | pgbouncer: server {host} closed an idle link; pool opened a fresh one, no client noticed
I0@WARN | MongoDB election on {host} after a planned stepDown, new primary in {ms} ms
M0@WARN | Read replica {host} {n} s behind, reports use the primary until it catches up
M1 | Sequence {table}_id_seq has used {pct}% of its range
M1 | Data disk on {host} has {n2} GB left and grows {n2} GB a day
M0 | Planner picked a sequential scan over {n} rows of {table} for the daily report
L0@ERROR | {user} ran DELETE without WHERE in the sandbox schema, statement blocked by safe-updates mode
L0@ERROR | FATAL:  password authentication failed for user "{user}"
H1 | ORA-12541: TNS:no listener (host {host})
H1 | SQLSTATE[HY000] [2002] Connection timed out ({host})
H1 | REPLICA {host} IO THREAD STOPPED (ERR {n})
H1@WARN | Loader left FOREIGN_KEY_CHECKS=0 on the pooled sessions for {table}, orphan rows piling up
C1@WARN | WAL volume on {host} at 100%, the server has stopped accepting commits
I0 | Index idx_{table}_created rebuilt concurrently in {ms} ms
I0 | Slow-query digest for {host}: no statement above 1 s yesterday
I0 | Flyway: Successfully applied {n2} migrations to schema "pos", now at version v{version}
L0@WARN | Connection from {ip} rejected: no pg_hba.conf entry (guest Wi-Fi scanner)
M1 | Maintenance job did not create tomorrow's partition of {table}; from midnight inserts go to the default partition
I0 | redis keyspace db0:keys={n},expires={n2},avg_ttl={ms}
""",
    "queues": """
H1 | NATS: permissions violation for publish to "{queue}.created" by user {user}
C1 | ZooKeeper ensemble gone, no controller can be elected, no topic accepts writes
H1@INFO | Replay of {queue}-dlq done: {n} of {n2} messages still failing
L0@WARN | Reader of {queue} skipped {n2} messages addressed to closed store {store}
I0 | [Consumer clientId=pos-{n2}, groupId={queue}-grp] Resetting offset for partition {queue}-{n2} to position {n}
I0 | amqp basic.ack tag={n} queue={queue}
I0@ERROR | Publisher confirm for {uuid} timed out; republished, the consumer de-duplicated it
I0@WARN | Consumer {queue} exceeded max.poll.interval once during a GC pause, rejoined and carried on
M0@WARN | Broker {host} refusing connections; producer buffers {n} events and reconnects in {n2} s
M1 | {n2} partitions under-replicated for more than {n} minutes
M1 | Retry topic {queue}-retry has grown to {n} entries since {date}
M0 | {queue} consumers slowed to {n2} msg/s at store opening time
H1 | KAFKA PRODUCER FENCED: transactional.id pos-{n2}
H1 | Traceback (most recent call last): pika.exceptions.AMQPConnectionError while declaring {queue}
H1@WARN | Consumer acks and throws away {queue} messages: handler {method} missing since release {version}
C1 | Store event bus without a partition leader since {date} 03:10, sales not reaching head office
I0 | Declared queue {queue}-v2 (durable, x-max-length={n})
I0 | MirrorMaker copied {n} messages of {queue} to the DR cluster
I0 | {"topic":"{queue}","partition":{n2},"offset":{n},"lag":0}
L0 | Order {id} was already void when its {queue} event arrived, event dropped
H1 | Stock events on {queue} consumed out of sequence since partitions were added, shelf stock going negative
I0 | Dead-letter counter for {queue} zeroed by {user} after the incident review
H1@INFO | Nightly export consumer committed its offsets without writing any file: {n} messages skipped
I0@DEBUG | poll returned {n2} records from {queue} in {ms} ms
H1 | Consumer {process} exits at start: SASL authentication failed for {user}
""",
    "os": """
C1 | BTRFS critical (device {dev}): corrupt leaf, bad slot offset
C1 | Hyper-V host {host} lost its storage path, every store VM paused
H1 | dockerd: failed to start container {hex}: OCI runtime create failed: unable to mount {mount}
H1 | chronyd: no selectable sources, clock on {host} free-running
H1@INFO | Ansible run on {host}: ok={n2} changed={n2} unreachable=0 failed={try}
I0 | audit: USER_LOGIN pid={n} uid=0 ses={n2} msg='op=login acct="{user}" res=success'
I0 | dhclient[{n}]: bound to {ip} -- renewal in {n} seconds.
I0@ERROR | iSCSI session to {host} dropped, multipath moved to the second path, no I/O lost
I0 | Defender quick scan on {host}: 0 threats found
M0@WARN | apt-daily could not reach {host}, upgrade run put off until tomorrow
M1 | Root partition of till {lane} {pct}% used, /var/log/pos is the biggest directory
M1 | SSD wear level on {host} at {pct}%, plan the swap this quarter
M0 | Load on {host} peaked at {n2} during the weekly reindex
L0 | passwd: new password for {user} too short, change refused
L0@ERROR | AppLocker blocked cmd.exe started by {user} on till {lane}
L0@WARN | Bluetooth handscanner of till {lane} had paired with the next till, cashier paired it again
C1 | WireGuard: handshake with head-office peer {ip} not completed after {n2} tries, store {store} cut off from HQ
H1 | ERR: RSYNC TO {host} CODE 23
H1 | Windows: Event 41 Kernel-Power - the system rebooted without cleanly shutting down first
I0 | kernel: Booting Linux on physical CPU 0x0
I0 | sshd[{n}]: Received disconnect from {ip} port {port}:11: disconnected by user
H1@WARN | {n2} tills in store {store} run more than five minutes off the server time, receipts carry wrong times
C1 | Store server {host} waits at the BitLocker recovery screen after a firmware update, no till can sign in
I0 | Service Control Manager 7040: The start type of the Background Intelligent Transfer Service service was changed from demand start to auto start.
I0 | sar: cpu %user={n2} %iowait=0.{n2} mem {pct}% dev {dev} await {ms}ms
""",
    "runtimes": """
H1 | Traceback (most recent call last):  File "/srv/posapp/tasks/export.py", line {n}, in {method}
H1 | Caused by: java.sql.SQLTransientConnectionException: HikariPool-2 - Connection is not available, request timed out after {ms}ms.
C1 | uwsgi: no more workers alive after {n2} respawns in {n2} seconds, giving up
H1@INFO | job={method} processed={n} failed={n} skipped=0
L0@ERROR | 400 from {method}: body field {key} expected an integer, got "abc"
I0 | gunicorn: Booting worker with pid: {n}
I0 | Spring profile 'store' active, {n2} beans created in {ms} ms
I0@ERROR | requests ConnectionError talking to {host}; backed off 1 s, second call OK
I0@WARN | o.h.e.j.s.SqlExceptionHelper - SQL Warning Code: 0, SQLState: 00000
M0@WARN | {host} answered 503 to {method}; re-run #{try} scheduled in {ms} ms
M1 | {process} has leaked {n} file descriptors since start, limit {n2}k
M1 | {process}: active handles at {n} and climbing, no plateau since start
M0 | Cold start of {process} took {ms} ms, slower than with the previous release
L0@WARN | Key {key} set twice in {file}, the later value wins
H1 | FAILED {method} (exit 1)
H1 | Exception in thread "pool-{n2}-thread-{n}" java.util.ConcurrentModificationException
H1 | thread 'tokio-runtime-worker' panicked at 'called `Option::unwrap()` on a `None` value', src/sync.rs:{n}:{n2}
H1@WARN | Scheduler in {process} runs in two replicas, every job fires twice
C1 | Pod {process} OOMKilled {n2} times, now in CrashLoopBackOff; the store API has no replica left
I0 | faulthandler on for {process}, dumps go to stderr
I0 | pip check: no broken requirements in {path}
I0 | HTTP pool for {host}: max={n2} idle={n2} leased=0
I0@DEBUG | Entering {klass}.{method} with basket={id}
H1@INFO | Task {method}[{uuid}] raised unexpected: KeyError('{key}')
I0 | Worker {n} stopped on SIGTERM, {n2} jobs handed back to the queue
""",
}
