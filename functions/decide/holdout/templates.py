# Real log lines run past the line-length limit, and this data is kept as written.
# ruff: noqa: E501
"""The held-out templates: written by hand for the blind evaluation, never for training.

Same line format and labelling rules as functions/decide/corpus/templates.py:
`<severity><actionable>[@<level>] | <message with {slots}>`, severity C, H, M, L or I, actionable
1 or 0, and an optional odd level for the hard cases (errors logged at INFO, alarming words in
harmless lines, recovered retries logged as errors). See README.md in this folder.
"""

TEMPLATES = {
    "pos": """
H1@INFO | Z-report for till {lane} finished with result code {try}, totals not transmitted
H1 | Coupon printout for basket {id} failed: template variable '{key}' has no value
C1 | Checkout core cannot open its local store {path}: file locked by another process
H1 | Shelf edge price and till price differ for item {sku}: {amount} vs {amount2}
L0@ERROR | Deposit return slip {code} presented a second time on lane {lane}, not paid out
I0 | Customer count for store {store} today: {n}, average basket {amount}
I0@ERROR | Fiscal signature request for sale {id} timed out, signed on the second attempt after {ms} ms
M0@WARN | Head office did not confirm Z-report {id}, resend scheduled in {n} minutes
I0 | Till {lane} software {version} matches the store baseline
I0@WARN | Nightly till health check on lane {lane}: errors=0 warnings=0
H1 | TILL {lane}: SALE {id} NOT SAVED
H1 | Unhandled exception in tender screen: IndexOutOfBoundsException: Index {n2} out of bounds for length {n2}
M1 | Till {lane} holds {n} unsent sales older than one hour
L0@WARN | Item {sku} sold at open price {amount} by {user}, no catalogue price
C1 | Store {store} cannot take cash or cards: tender service failed to start on every lane
I0 | Receipt footer text for store {store} updated by {user}
M1 | Cash drawer on lane {lane} open for {n} s after sale {id}
L0 | Price match on item {sku} requested by a customer, declined by {user}
I0 | Basket {id} handed over from lane {lane} to self-checkout
H1@INFO | Loyalty enrolment for customer {id} saved without e-mail: consent service answered 503
I0@ERROR | Card reader on lane {lane} dropped off USB, re-enumerated in {ms} ms and sale {id} continued
H1@WARN | Weighing scale on lane {lane} out of legal calibration since {date}, fresh produce cannot be sold
I0 | Mid-day pickup of {amount} taken from drawer on lane {lane} by {user}
""",
    "payments": """
H1 | Capture request for order {id} refused by acquirer: authorisation code unknown
C1 | Card acceptance halted in every store: terminal master keys expired at {date} 00:00
H1@INFO | Refund run {id} done: {n} refunds returned status REJECTED
L0@ERROR | Card ending {card} refused by issuer: transaction not permitted to cardholder (code 57)
L0@WARN | Phone wallet tapped twice on terminal {terminal}, second tap ignored
I0 | Terminal {terminal} end-of-day totals match the host: {n} sales, {amount}
I0@ERROR | Issuer host timeout for payment {uuid}, stand-in authorisation approved it in {ms} ms
M0@WARN | Acquirer host {host} refused the settlement connection, retrying in {n} minutes
M1 | {n} pre-authorisations older than 7 days still open in store {store}
H1 | PAYMENT {uuid} STATUS UNKNOWN AFTER TERMINAL REBOOT
H1 | com.shop.pay.AcquirerException: unexpected response code 96 for payment {uuid}
I0 | Fraud rules {version} loaded: {n} rules, error_count=0
H1 | Terminal {terminal} prints slips with the wrong merchant id after parameter download
I0 | Payment {uuid} voided at the customer's request before capture
H1@WARN | Payment provider webhooks rejected for {n} minutes: HMAC mismatch
M1 | Chargebacks for store {store} reached {n2} this week, above the scheme warning level
L0 | Gift card top-up of {amount} refused: above the single load limit
L0@WARN | Duplicate authorisation request for order {id} suppressed by its idempotency key
C1 | Tokenisation vault {host} unreachable: no card can be stored or charged
I0 | Payment provider status page reports all systems operational
H1 | Wallet payments on terminal {terminal} fail with error 0x{hex2}: merchant certificate missing
I0@WARN | Failover test of the acquirer link passed: secondary route answered in {ms} ms
H1@INFO | Daily payout from provider for {date} arrived {amount} short, no statement line explains it
""",
    "inventory": """
H1@INFO | Markdown job for store {store} finished: {n} items left without a new price
H1 | Delivery {id} from {supplier} cannot be received: ASN references unknown pallet {id2}
C1 | Stock service cannot write: warehouse ledger volume mounted read-only on {host}
L0@ERROR | Handheld {n2} scanned a shelf label instead of the product barcode, user scanned again
I0 | Planogram {version} for aisle {n2} activated in store {store}
I0@ERROR | Stock push to web shop answered 429, resent after {ms} ms and accepted
M0@WARN | Supplier portal {host} did not accept order {id}, next try at the following run in {n} minutes
M1 | Freezer {n2} in store {store} at -12 C for {n} minutes, goods may be at risk
I0 | Cycle count variance report for store {store}: 0 discrepancies
L0@WARN | SKU {sku} has no shelf location, handheld suggested the back room
H1 | Replenishment for store {store} skipped: sales history query returned no rows for {date}
H1 | STOCK IMPORT FAILED: {file}
I0 | Transfer {id} of {n} units from store {store} to {store2} confirmed by the receiving store
I0@WARN | Warehouse sync fell {n} s behind during the lunch peak and caught up
H1 | java.lang.IllegalStateException: stock movement {id} has no source location
L0 | Damaged item {sku} written off by {user}: {n2} units
M1 | {n} units of SKU {sku} in store {store} reach their use-by date in {n2} days
I0 | Table failed_counts compacted: {n} rows kept
C1 | Item master wiped by a faulty cleanup job: {n} SKUs missing in every store
M1 | Delivery {id} from {supplier} is {n2} hours late, {n} products out of stock
I0@ERROR | RFID gate in store {store} lost {n2} reads, batch re-read and matched the delivery
H1@WARN | Goods-in terminal {n2} rejects every pallet label: GS1 parser upgrade {version} broke the check digit
I0 | Reorder point of SKU {sku} raised to {n2} cases by {user}
""",
    "printers": """
H1 | Printer {printer} reports a black mark sensor failure, labels misaligned
H1@INFO | Spooler job {id} ended in state ABORTED on {printer}
I0 | Printer {printer} self-test page printed: errors 0, warnings 0
I0 | No receipt printed on lane {lane}: customer chose e-receipt only
I0@WARN | Paper-near-end sensor on {printer} flickered and cleared itself after {ms} ms
M0@WARN | Printer {printer} offline, job {id} kept in the queue and tried again in {n} s
M1 | Ribbon of label printer {printer} at {pct}% used, replace soon
C1 | Fiscal module on lane {lane} refuses all receipts: tax authority certificate revoked
H1 | Kitchen ticket for order {id} lost: {printer} closed the socket mid-job
H1 | PRN ERR {hex2} on {printer}
L0@ERROR | Print job {id} rejected: user {user} may not print price labels
I0 | {n} receipts printed on lane {lane} since shift start
I0@WARN | Job {id} printed via fallback port {com} because the primary port was busy
H1 | {printer} answers HEAD OPEN with the head closed, no labels printed
M1 | Receipt printer on lane {lane} re-fed {n2} jobs in the last hour, paper feed slipping
I0 | Printer {printer} taken off lane {lane} for maintenance by {user}
H1 | Barcodes on shelf labels from {printer} unreadable since template {file} was changed
I0 | Spooler restarted after the nightly update, {n2} queued jobs printed in order
H1@INFO | Delivery notes for route {n2} came out blank: PDF renderer returned an empty document
L0@WARN | Label stock on {printer} is the wrong size, user {user} swapped the roll
""",
    "web": """
H1 | POST /api/{resource}/{id}/cancel answered 500 to {ip}: OperationalError from the database driver
H1@INFO | request_id={uuid} route=/api/{resource} status=500 latency={ms}ms
I0 | request_id={uuid} route=/api/{resource} status=200 latency={ms}ms errors=0
L0 | request_id={uuid} route=/api/{resource}/{id} status=404 latency={ms}ms
C1 | Reverse proxy on {host} refuses every TLS connection: private key does not match the certificate
C1 | Web shop down: DNS record for {host} points at a deleted load balancer
M1 | Upstream {host} timed out {n2} times in the last minute
M0 | Handler {method} for /reports/daily spent {ms} ms rendering its template
L0@ERROR | Login for {user} from {ip} throttled after {n2} bad passwords
I0@ERROR | Upstream {host} reset the connection, idempotent GET replayed on {host2} and answered 200
I0 | Feature toggle checkout_v2 on for {pct}% of sessions
H1 | Checkout page throws ReferenceError: basketTotal is not defined for every visitor
I0@WARN | Synthetic check "login fails with wrong password" passed on {host}
M0@WARN | Identity provider {host} answered 503, token refresh scheduled again in {n} s
H1@CRITICAL | WORKER TIMEOUT (pid:{n})
L0@WARN | Request body from {ip} above 1 MB refused with 413
I0 | Release {version} rolled out to {host}: 0 failed health checks
H1 | Users on {host} cannot stay logged in: session cookie dropped by browsers since the SameSite change
I0 | {ip} - - [{date}:14:20:05 +0100] "HEAD /status HTTP/1.1" 200 0 "-" "curl/8.5.0"
H1 | {ip} - - [{date}:16:41:27 +0100] "GET /api/{resource}/{id}/pdf HTTP/1.1" 503 {n} "-" "okhttp/4.12.0"
L0@ERROR | http: TLS handshake error from {ip}:{port}: EOF
I0@WARN | Browser error beacon for /checkout received 0 reports in the last hour
H1@WARN | Image CDN returns 403 for every product picture after the bucket policy change
""",
    "database": """
H1 | ERROR: canceling statement due to conflict with recovery on standby {host}
C1 | FATAL: could not open file "global/pg_filenode.map": Permission denied
H1 | ORA-01653: unable to extend table POS.{table} by 128 in tablespace USERS
C1 | Got error 28 from storage engine while writing to {table}
I0 | LOG: database system is ready to accept connections
I0 | automatic analyze of table "pos.public.{table}" done in {ms} ms
I0@ERROR | Lost connection to MySQL server during query on {host}; reconnected and query re-run in {ms} ms
M0@WARN | Backup agent cannot reach object store {host}, upload of {file} postponed for {n} minutes
M1 | Table {table} bloat estimated at {pct}%, index scans slowing down
L0@ERROR | ERROR: relation "{table}_tmp" does not exist (ad-hoc psql session of {user})
I0 | pg_stat_statements reset by {user}
I0@WARN | Failover drill on cluster {host}: standby promoted in {ms} ms, test passed
I0 | MongoDB profiler set to level 1 with slowms {ms}
H1 | MongoServerError: E11000 duplicate key error collection: shop.{table} index: order_no_1
C1 | Redis cluster {host}: CLUSTERDOWN The cluster is down, {n2} hash slots not served
H1@INFO | Nightly load of {table} into the data warehouse ended with state PARTIAL ({n} batches skipped)
L0@WARN | Session of {user} terminated by idle_in_transaction_session_timeout
I0 | Consistency check of {table}: error_count=0
H1 | ERR {hex2}: REPLICATION BROKEN ON {host}
M1 | Oldest unarchived WAL on {host} is {n} MB, archiving falling behind
H1 | Traceback (most recent call last): sqlalchemy.exc.OperationalError: server closed the connection unexpectedly
I0@ERROR | Write conflict on {table} (could not serialize access), client repeated transaction {id} and it committed
H1@WARN | Point-in-time recovery impossible for {host}: base backup {date} missing from the archive
""",
    "queues": """
H1 | Poison message {id} blocks partition {n2} of {queue}: handler throws on every redelivery
C1 | All partitions of {queue} offline: broker volume {mount} full on every replica
H1@INFO | Outbox relay finished its run: published 0, pending {n}, result=error
I0@ERROR | NACK from broker for message {id} on {queue}; republished and confirmed {ms} ms later
M0@WARN | Visibility timeout hit for message {id} on {queue}, it will be delivered again in {n} s
L0@WARN | Consumer on {queue} ignored a heartbeat event of obsolete version {version}
M1 | Redelivery rate on {queue} at {pct}% over 10 minutes
I0 | Exchange {queue}.topic declared with {n2} bindings
I0 | Consumer lag for {queue}: 0 messages, error rate 0.0
H1 | AMQP connection to {host} closed: 320 CONNECTION_FORCED - broker forced connection closure
H1 | Slow consumer on subject {queue}.events: messages dropped by the server
C1 | Event bus down: no broker of the cluster answers on port {port}
I0 | Message {id} routed to {queue}-archive by the retention rule
L0@ERROR | Message {id} on {queue} expired before delivery (TTL {n} s), nobody needed it
I0@WARN | Consumer {queue}-reader rejoined with a new member id, {n2} partitions reassigned, nothing lost
H1 | org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [{queue}]
H1 | EVENT {uuid} DROPPED: NO ROUTE
I0 | Failed-events dashboard for {queue} refreshed: 0 new entries
M0 | Consumer group {queue}-billing needed {n} s for its last batch of {n2} messages
H1@WARN | Invoices from {queue} posted to accounting twice since consumer restart at {date}
I0@ERROR | Handler for {queue} timed out on message {id}; the next delivery was handled in {ms} ms
""",
    "os": """
H1 | kernel: nvme0n1: I/O {n} QID 3 timeout, reset controller
C1 | RAID controller reports logical volume 0 OFFLINE on {host}
H1@INFO | Certificate renewal timer for {host} ran, certbot exited 1
I0 | systemd-journald: Vacuuming done, freed {n} MB of archived journals
I0@WARN | apt: Temporary failure resolving a mirror, second mirror used, {n2} packages fetched
M0@WARN | Windows Update could not reach its server, next check in {n} minutes
M1 | /var/log on {host} grew {n} MB in an hour, now {pct}% full
L0 | su: FAILED SU (to root) {user} on pts/{n2}
I0 | Audit: user {user} added to group pos-admins by {user2}
C1 | XFS ({dev}): Corruption of in-memory data detected. Shutting down filesystem
H1 | Windows: Event 7000 - The {process} service failed to start: access is denied
I0 | Windows: Event 7036 - The {process} service entered the running state
H1 | CRON[{n}]: (root) ERROR (failed to open PAM security session: Resource temporarily unavailable)
L0@ERROR | kernel: usb 2-1: device descriptor read/64, error -71 (keyboard re-plugged by the cashier)
I0 | Scheduled defragmentation of C: completed, 0 errors
M1 | {n} SSH login failures for root from {ip} in ten minutes
H1@WARN | NetworkManager: device (wlan0): Activation: failed for connection 'store-wifi'
I0 | System uptime is {n} seconds
H1 | ERROR: BACKUP TARGET {mount} NOT WRITABLE
I0 | Firewall dropped inbound from {ip} to port 23 (policy drop)
I0@ERROR | Print server {host} missed two pings, answered the third, no job affected
C1 | Store server {host} boot loops: initramfs cannot find the root volume
I0@WARN | Kernel OOM killer test in the lab VM {host} finished as expected, production untouched
""",
    "runtimes": """
H1 | Exception in thread "main" java.lang.NoSuchMethodError: '{klass}.{method}()'
C1 | fatal error: runtime: out of memory
H1 | Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.
H1 | Error: ENOENT: no such file or directory, open '{path}'
I0@WARN | urllib3 retried GET https://{host}/prices after ReadTimeoutError; response 200 in {ms} ms
M0@WARN | tenacity: calling {method} failed with ConnectionError, sleeping {n} s before attempt {try}
I0 | Sentry: 0 new issues for release {version} in the last 24 h
L0@ERROR | Request validation failed for {method}: 'quantity' must be >= 1 (client sent {neg})
M1 | Node process {process} RSS at {n} MB and rising {n2} MB per hour
C1 | Application {process} exited: unhandled exception in Main, service host stopped
I0 | Started {klass}Application in {n2}.{n2} seconds (JVM running for {n2}.{n2})
I0 | HikariPool-1 - Start completed.
H1@INFO | celery task {method}[{uuid}] finished in state FAILURE
I0 | Batch {id} done: caught and logged 0 exceptions
H1 | UnhandledPromiseRejectionWarning: Error: connect ECONNREFUSED {ip}:{port}
L0@WARN | npm WARN deprecated request@2.88.2: request has been deprecated
H1 | goroutine {n} [running]: panic: assignment to entry in nil map
H1 | System.TimeoutException: The operation has timed out at {klass}.{method}()
I0 | Python worker {n} booted with pid {n}
H1 | PM2 | App [{process}:{n2}] exited with code [1] via signal [SIGABRT]
M1 | JVM {process} spent {pct}% of the last minute in garbage collection
I0 | logback: appender ERROR_FILE attached, errors go to {path}
I0@ERROR | Worker {n} hit a transient ECONNRESET to {host}, request replayed by the client library and answered
H1@WARN | Scheduler {process} lost its lease and stopped running jobs {n} minutes ago
""",
}
