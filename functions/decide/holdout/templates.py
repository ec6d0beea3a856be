# Real log lines run past the line-length limit, and this data is kept as written.
# ruff: noqa: E501
"""The held-out templates (v3): written by hand for the blind evaluation, never for training.

Same line format and labelling rules as functions/decide/corpus/templates.py:
`<severity><actionable>[@<level>] | <message with {slots}>`, severity C, H, M, L or I, actionable
1 or 0, and an optional odd level for the hard cases (errors logged at INFO, WARN or DEBUG,
alarming words in harmless lines, recovered retries and user errors logged as errors, retries
still pending logged as warnings). Template ids are `holdout3-<domain>-NNN`. The lines take the
shapes store systems really emit (device SDK result codes, EMV responses, Windows event text,
syslog and kernel lines, nginx and Apache error logs, database server messages, exception
headers, broker lines, logfmt and JSON), in several voices. See README.md in this folder.
"""

TEMPLATES = {
    "pos": """
I0 | jpos: Scanner service for "{com}" opened, claim granted to tilld, state JPOS_S_IDLE, data events on
I0 | lane={lane} op={user} evt=signoff session={hex} voids=0 no_sales=0 dur=7h{n2}m
I0 | Z-read #{n} for till {lane} printed; over/short 0.00, {n2} line voids, {n2} refunds
I0 | Basket {id} parked by {user} on till {lane}, recalled on till {lane} and tendered in cash
I0 | Price override on {sku} by {user}, authorised by {user2}: {amount} -> {amount2} (damaged packaging)
I0@WARN | NOSALE lane {lane} op {user} why="coins for float" approver card OK
I0@ERROR | ERRORQ flush on lane {lane}: 0 errors queued, 0 receipts unsent, journal in sync
I0@ERROR | JposException ErrorCode 111 on scanner {com} at {ts}; device re-claimed, scanning resumed after {ms} ms
I0 | {"lvl":"info","comp":"tilld","msg":"tender accepted","lane":{lane},"type":"cash","change_given":{amount}}
H1 | Lane {lane} drawer solenoid fault (DLE EOT status 0x{hex2}): drawer stays shut, no change can be given
H1@INFO | cashup till={lane} counted={amount} expected={amount2} status=UNRESOLVED flagged_by=system
H1@WARN | The loyalty points for receipt {id} were not added to the member account because the points service answered 500 on all three tries and the till stopped trying, so the customer was told to come back to the service desk
H1 | System.InvalidCastException: Unable to cast object of type 'System.DBNull' to type 'System.Decimal'. at TillShell.Tender.Refresh(); lane {lane} frozen, sale {id} lost
H1@INFO | voucher_activate card=****{card} amount={amount} lane={lane} result=FAILED code=E204 (customer paid, voucher not loaded)
H1 | Is impossible to read weight from scale on {com}, the answer is not stable after {n2} try, loose fruit can not be sold on lane {lane}
H1 | SCO{lane} ERR 4012 BAGSCALE NO RESPONSE - UNIT OUT OF SERVICE
H1 | Receipt number {n} for store {store} booked two times in the head office ledger, day takings overstated by {amount}
C1 | Every lane of store {store} shows "OFFLINE - NO SALES": tilld lost the store server {host} and there is no local fallback, trading stopped
C1@WARN | tilld: journal CRC mismatch at record {n}, till {lane} will not start and {n2} sales since the last upload can not be recovered
C1@INFO | after restore from image the receipt counter on till {lane} restarted at 1, {n} earlier receipts overwritten in local journal
L0@ERROR | E_AGE_CHECK: date of birth keyed for restricted item {sku} gives age under 18, item removed from sale
L0 | Coupon {code} refused: basket of {amount} does not reach what the promotion asks for
L0@ERROR | Supervisor PIN wrong for {user} on till {lane} (try {try} of 3)
L0 | Item {sku} scanned on lane {lane} is on the recall list (batch blocked), sale of the item refused
M1 | Till {lane} runs POS build {version}; the compulsory update had to be in {n2} days ago
M1@INFO | {n} sales on till {lane} waiting for upload to head office, oldest one {n2} hours old
M0@WARN | Lane {lane} has no link to store server, selling in standalone mode, reconnect try {try}
M0 | Prices for store {store} ({file}) came in late, tills keep the current ones until the next poll in {n2} min
""",
    "payments": """
I0 | EMV txn={id} AID=A0000000041010 TVR=0000008000 ARC=00 APPROVED amt={amount} cvm=PIN entry=ICC
I0 | TMS poll from {terminal} sn {n}: parameters {version} current, 0 files to download
I0@WARN | {terminal}: DUKPT key load finished on second attempt, KSN {hex} active
I0 | Batch {n} settled with acquirer: {n2} sales, 0 refunds, net {amount}, response 00
I0@ERROR | Auth {id}: no answer from {host} in {ms} ms, sent again, second answer ARC 00 approved, no reversal needed
I0 | PSP webhook payment.captured for intent {uuid} verified (signature ok), web order {id} marked paid
I0 | Contactless payment ****{card}: CDCVM done on the phone, online PIN not requested
I0 | fraud rule VEL24 checked card ****{card}: score {n2}/100 below block threshold, allowed
I0 | PED {terminal} lane {lane} performed the daily PCI reboot at 03:10 and is back in service
H1 | {terminal} lane {lane}: SECURE PROCESSOR TAMPER 0x{hex2} - terminal locked, needs replacement
H1@INFO | refund={id} state=DECLINED_BY_SYSTEM reason="MID not enabled for refunds" amount={amount}
H1 | Acquirer rejected settlement of batch {n}: response code 96 (system malfunction), {n2} transactions remain unsettled
H1@WARN | Customer card was charged {amount} but till {lane} got no authorisation reply within {ms} ms, sale {id} is open and a second payment would double charge
H1 | com.verifone.commerce.CommunicationException: socket closed by peer during ONLINE_AUTH, terminal {terminal}
H1 | Daily reconciliation {date}: acquirer {amount} / tills {amount2}, {n2} card transactions absent from till data
H1@INFO | {terminal} lane {lane}: P2PE key expired, every card now declined offline with ARC Z3
H1 | TERM {terminal} STAT=OFFLINE LASTSEEN={ts} LANE={lane}
C1 | payment gateway {host} unreachable from every store: 0 authorisations approved for {n2} minutes now
C1@WARN | PAN pattern found {n} times in clear text in {path}, card data exposure outside PCI zone
L0@ERROR | EMV decline ARC=51 insufficient funds txn={id} amt={amount}
L0 | Cardholder pressed CANCEL on PED at amount confirmation, transaction {id} voided
L0@ERROR | ISO8583 reply DE39=54 (card past its expiry) stan={n} pan=****{card}
L0 | ARC 75 on ****{card}: too many wrong PINs, cardholder told to call the bank
M1 | {terminal}: host-auth certificate valid {n2} more days, TMS has no renewal job for it
M1 | store-and-forward queue on lane {lane}: {n} offline transactions, oldest not forwarded for {n2} h
M0@WARN | txn {id} waiting on acquirer ({ms} ms so far), till will retry once before asking for another card
M0 | SAF upload to {host} put off: host busy (response 91), next try in {n2} min
""",
    "inventory": """
I0 | replend run {id}: {n} order suggestions for store {store}, 0 skipped, took {ms} ms
I0 | Goods in: ASN {id} from {supplier} received in full, {n2} pallets, no discrepancy
I0@WARN | nightly count sync set negative on-hand of {sku} in store {store} to 0 (book correction, no action)
I0 | DESADV {file} parsed, {n} lines, every GTIN matched to the article master
I0@ERROR | AS2 MDN missing for {file} on first send; resent at {ts}, {supplier} acknowledged
I0 | Count task {id} (aisle {lane}) closed by {user}, {n2} bins counted, book and count agree
I0 | {"job":"stock_snapshot","store":"{store}","rows":{n},"errors":0,"state":"SUCCEEDED"}
I0 | pricebook {file} distributed: {n2} stores acknowledged, took {ms} ms
I0 | Reorder of {sku} skipped on purpose: promo lock until {date} set by category team
H1 | stock adjustment {sku} store {store}: ORA-00001: unique constraint (INV.PK_STOCK_ADJ) violated
H1@INFO | replen_export state=FAILED store={store} reason=sftp_auth_denied files_sent=0
H1 | Delivery {id} of {supplier} landed on the books of store {store2} but the lorry unloaded at {store}: {n} units on the wrong shelf count (GLN table outdated)
H1@WARN | The nightly availability feed to the webshop stopped half way because the stock service sent broken JSON at byte {n}, so online stock for store {store} is still yesterday's
H1 | receiveDelivery: IllegalStateException delivery {id} already closed, {n2} cartons not booked
H1 | Gap camera {n2} in store {store} offline since {ts}, no empty-shelf alerts sent
H1@DEBUG | handheld {hex} upload failed at count line {n}, stocktake {id} incomplete, aisle needs recount
H1 | Stock file from {supplier} have {n} lines with wrong EAN, this lines are skipped and not imported
C1 | stock_ledger pages fail checksum ({n2} pages) while posting, all inventory postings for the chain halted
C1@WARN | replenishment server {host} lost its data disk: tonight no orders for {n2} stores, last {n} hours of stock moves gone
L0@ERROR | Put-away refused: bin {lane}-{n2} full, {user} to choose another bin
L0 | Transfer {id} to store {store2} refused: receiving store closed for refit
L0@ERROR | Markdown by {user} on {sku} declined, item not eligible (fresh lockout)
M1 | availability feed for store {store} is {n2} hours old (limit 2 h)
M1 | {n} items in store {store} negative on-hand for more than 3 days
M1 | {supplier} ASN backlog {n} unprocessed, growing since {n2} hours
M0@WARN | ASN {id} from {supplier} not arrived yet, delivery due in {n2} h, checking again next poll
M0 | webshop stock sync waiting: lock held by {process}, retry {try}/{max} in 30 s
""",
    "printers": """
I0 | job {printer}-{n} for {user}: 1 impression, {n} bytes, state completed
I0 | ZPL job {id} to {printer}: {n2} labels, ~HS reply paper=ok head=closed ribbon=ok pause=0
I0@ERROR | OPOS POSPrinter {printer}: PrintNormal gave 114 OPOS_E_EXTENDED / 203 REC_EMPTY, paper roll changed, receipt {id} printed again fine
I0 | spool job={id} dest={printer} pages=1 bytes={n} result=done
I0 | {printer} fw {version}: self-test printed, 0 failed head dots
I0@WARN | {printer} re-learned label length after new roll (auto-calibrate), {n2} blanks fed out
I0 | spooler: {user} printed the cash-up sheet of till {lane} on {printer}, 1 page, {n} bytes, status printed
I0 | cupsd: printer "{printer}" now idle and accepting jobs
I0@ERROR | lpstat: printer {printer} error count reset to 0 by {user} after service visit
H1 | [Job {n}] socket://{ip}:9100 for "{printer}" gives no answer - backend exited with status 4 (stop printer)
H1 | {printer}: ERROR CONDITION PRINTHEAD THERMISTOR OPEN, printing halted
H1@INFO | job {n} on {printer} ended "aborted-by-system": filter rastertolabel crashed (signal 11)
H1 | jpos.JposException: POSPrinter.printNormal ErrorCode=112 JPOS_E_TIMEOUT, sale {id} left without its receipt
H1@WARN | Kitchen printer {printer} at {ip}:9100 not answering, {n2} deli orders stuck on the screen
H1 | Spool job {id} of {user} for {printer} deleted after the processor returned 0x5 (access denied); nothing came out
H1@INFO | lblq batch={id} dev={printer} ok={n2} err={n}
H1 | {n} shelf edge labels for price change {id} printed with the old price (template cache stale)
H1 | PRN_ERR {hex2} AUTOCUTTER BLOCKED {printer}, printer don't respond since {n2} minutes
C1 | spoolsv.exe stopped on store server {host}: no receipt or label printer in store {store} is reachable, tills cannot close sales
C1@WARN | Fiscal printer {printer} memory full: daily Z closure impossible, till {lane} blocked from selling by fiscal law
L0 | {user} sent a {n2}-page PDF to receipt printer {printer}, job {n} refused: document format not supported
L0@ERROR | Reprint of receipt {id} refused: the sale already has 2 copies (limit)
L0@ERROR | PRN E07 LABEL SIZE MISMATCH: {user} loaded 58 mm roll, template expects 100 mm
M1 | {printer}: printhead at {hipct}% of rated life, replacement to be ordered
M1 | {printer} supplies: black toner 3%, about {n2} pages left
M0@WARN | [Job {n}] Waiting for printer to become available.
M0 | label job {id} held while {printer} warms up ({n2} s), resumes automatically
""",
    "web": """
I0 | {ip} - - [{clf}] "GET /api/stores/{store}/opening-hours HTTP/1.1" 200 {n} "-" "okhttp/4.12.0"
I0 | {ip} - - [{clf}] "GET /static/img/promo-{n2}.webp HTTP/2.0" 304 0 "https://shop.example/" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"
I0@WARN | [warn] {n}#{n}: "ssl_stapling" ignored, issuer certificate not found for certificate "/etc/nginx/tls/shop.pem"
I0 | method=POST path=/checkout/confirm status=200 dur_ms={ms} basket={id} customer=guest
I0@ERROR | [error] {n}#{n}: *{n} open() "/srv/www/shop/apple-touch-icon.png" failed (2: No such file or directory), client: {ip}
I0 | [mpm_event:notice] [pid {n}] AH00493: SIGUSR1 received.  Doing graceful restart
I0 | cert-manager: issued new TLS secret for api.shop.example, expiry {date}, ingress picked it up without drops
I0 | GET /healthz 200 OK db=up cache=up search=up took {ms}ms
I0@ERROR | synthetic check "checkout-errors" ok: 0 HTTP 5xx in the last 15 min
H1 | [error] {n}#{n}: *{n} no live upstreams while connecting to upstream, client: {ip}, server: shop.example, request: "POST /api/basket/add HTTP/1.1", upstream: "http://basket_pool/api/basket/add"
H1@INFO | {ip} - - [{clf}] "POST /checkout/pay HTTP/1.1" 502 {n} "https://shop.example/checkout" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
H1 | Uncaught (in promise) ReferenceError: dataLayer is not defined at checkoutStep ({hex}.chunk.js:2:{n}), pay button stays disabled
H1@WARN | click-and-collect slots for store {store}: fulfilment-api answered HTTP 503, customers see "no slots available"
H1 | AH01071: Got error 'PHP message: PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /var/www/shop/lib/Db.php:{n2}'
H1@INFO | order_export run={id} http_status=401 body="invalid api key" orders_sent=0 orders_pending={n}
H1 | images.shop.example returns 403 Forbidden for every /media/catalog/ path since release {version}
C1 | nginx: [emerg] PEM_read_bio_X509_AUX("/etc/nginx/tls/shop.pem") failed (SSL: error:0480006C:PEM routines::no start line); nginx.conf test failed, shop not served
C1@WARN | webshop checkout: 100% of requests returned 5xx for {n2} min, customers cannot place any order
L0 | client {ip} over limit on /search ({n} req/min), served 429
L0@ERROR | [error] {n}#{n}: *{n} client intended to send too large body: {n} bytes, client: {ip}, server: shop.example, request: "POST /account/avatar HTTP/1.1"
L0 | {ip} - - [{clf}] "POST /xmlrpc.php HTTP/1.0" 403 {n} "-" "Go-http-client/1.1"
L0@ERROR | auth: bad credentials for web account {user}, {try} of 10 before lockout
M1 | api.shop.example: X.509 notAfter {date}, {n2} days left, renewal job disabled
M1@INFO | GET /search p95 3.{n2}s over the last 60 min, SLO is 0.8 s
M0@WARN | upstream {ip}:{port} marked down after {try} failed checks, load moved to the other {n2} nodes
M0 | category page cache warmup still running after {n} s, pages served uncached meanwhile
""",
    "database": """
I0 | LOG:  redo done at 0/{hex2} system usage: CPU: user: 0.{n2} s, system: 0.0{try} s, elapsed: 0.{n2} s
I0 | Recovery of database '{db}' ({n2}) is 0% complete (approximately {n} seconds remain). Phase 1 of 3. This is an informational message only. No user action is required.
I0@ERROR | CHECKDB found 0 allocation errors and 0 consistency errors in database '{db}'.
I0 | BACKUP DATABASE successfully processed {n} pages in {n2}.{n2} seconds
I0@WARN | [Warning] [MY-010055] [Server] IP address '{ip}' could not be resolved: Name or service not known
I0@ERROR | could not serialize access due to read/write dependencies among transactions; unit of work {id} replayed and committed (try {try})
I0 | [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.{n2}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306
I0 | replica {host2} state=streaming replay_lag=0B sent_lsn=0/{hex}
I0 | index rebuild on {table}: fragmentation {n2}% -> 0%, {ms} ms
H1 | ERROR:  deadlock detected DETAIL: Process {n} waits for ShareLock on transaction {n}; blocked by process {n2}.
H1 | Msg 547, Level 16, State 0: The INSERT statement conflicted with the FOREIGN KEY constraint "FK_{table}_store". The statement has been terminated.
H1@INFO | nightly dump of {db} ended rc=1 after {n2} min (lock_timeout hit on {table}), no backup file written
H1@WARN | Slave_SQL_Running: No  Last_Errno: 1062  Last_Error: Duplicate entry '{id}' for key 'PRIMARY' on {table}
H1@FATAL | FATAL:  role "svc_{db}" is not permitted to log in (pricepush cannot publish)
H1 | Msg 1222, Level 16, State 18: Lock request time out period exceeded. (cash-up of store {store} into {table} abandoned)
H1@INFO | SQL Agent job 'Nightly_{db}_Backup' - The job failed. The Job was invoked by Schedule 3. The last step to run was step 1.
C1 | PANIC:  could not fsync file "pg_wal/0000000100000{hex2}": Input/output error
C1 | SQL Server detected a logical consistency-based I/O error: incorrect checksum (expected: 0x{hex}; actual: 0x{hex}). It occurred during a read of page (1:{n}) in database ID {n2}
C1@WARN | Could not allocate space for object 'dbo.{table}' in database '{db}' because the 'PRIMARY' filegroup is full.
L0@ERROR | ERROR:  must be owner of table {table} ({user} from DBeaver)
L0@ERROR | ORA-01017: invalid username/password; logon denied ({user} in SQL Developer)
L0 | ERROR 1064 (42000): You have an error in your SQL syntax near 'FORM {table} WHER' at line 1
M1 | standby {host2} is {n} s back from the primary and the gap grew for {n2} min
M1@INFO | tablespace {db}_data at {hipct}%, autoextend already at max size
M1 | avg write latency on {db}.mdf {n} ms over 10 min (io stall warning, disk queue {n2})
M0@WARN | Npgsql: The connection pool has been exhausted, raise 'Max Pool Size' (currently {n2}) or 'Timeout'; retrying in {ms} ms
M0 | autovacuum of "{table}" cancelled by lock conflict, will run again later
""",
    "queues": """
I0 | [Consumer clientId={process}-1, groupId={queue}-workers] Successfully joined group with generation {n2}
I0 | connection <0.{n}.0> ({ip}:{port} -> {ip}:5672 - tilld): user 'tills' authenticated and granted access to vhost '/'
I0@WARN | till {lane} at {ip} shut down for the night without closing its AMQP channel, broker dropped the socket
I0 | offsets committed group={queue}-workers {queue}[{n2}]@{n}, nothing behind
I0@ERROR | basic.nack for delivery tag {n} on {queue}; publisher sent it once more, ack came {ms} ms later
I0 | {n}:M {date} * {n2} changes in 300 seconds. Saving...
I0 | DLQ sweep {queue}.dlq: 0 messages, nothing to replay
I0 | [ReplicaFetcher replicaId={try}, leaderId={n2}, fetcherId=0] {queue}-{n2} fetched to the high watermark, replica in sync
I0 | {queue}-workers: member {process}-{try} left for release {version}, its partitions handed to the others
H1 | org.apache.kafka.common.errors.SerializationException: Error serializing Avro message for {queue}; event of order {id} never produced
H1@INFO | consumer {process} batch done ok={n2} failed={n} sent_to_dlq={n}
H1@WARN | {queue}.dlq has {n} messages "unknown schema version {version}" since the deploy, member points never credited
H1 | pika.exceptions.ChannelClosedByBroker: (406, 'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out')
H1 | handler for {queue} in {process} crashed: KeyError: '{key}', message {uuid} not acknowledged
H1@INFO | Task {process}.{method}[{uuid}] raised unexpected: ConnectionResetError(104, 'Connection reset by peer')
C1 | Redis master {host} down and sentinel cannot elect a new one (quorum 2, 1 sentinel reachable); session and basket cache unavailable
C1@WARN | rabbit@{host} over its memory high watermark; every publishing connection is flow-blocked and till journals pile up
C1 | broker {n2} halted: fatal error during log recovery, segment of {queue}-{n2} corrupt
L0@ERROR | rabbitmqctl: {user} tried delete_vhost without administrator tag, access refused
L0 | payload {uuid} on {queue} bounced at validation (no {key}); publisher is the QA load script
L0@ERROR | duplicate message {uuid} on {queue} dropped, idempotency key seen {n2} min ago
M1 | consumer group {queue}-workers lag {n} and rising for {n2} min
M1@INFO | {n2} partitions below min ISR on broker {try}, replica fetch slow (disk latency)
M0@WARN | Connection to node {try} ({host}:9092) could not be established. Broker may not be available.
M0 | redelivery of {uuid} scheduled, attempt {try}/{max}
""",
    "os": """
I0 | systemd[1]: Reached target multi-user.target - Multi-User System.
I0 | anacron[{n}]: Job `cron.daily' terminated (exit status: 0)
I0@ERROR | errors.log of {process} rotated and compressed ({n} KB), fresh file opened
I0 | chronyd[{n}]: Selected source {ip} (ntp1.retail.lan), stratum 2
I0 | NetworkManager[{n}]: <info>  device (eth0): state change: secondaries -> activated (reason 'none')
I0 | Windows Update: KB50{n2}{n2} installed successfully, restart planned 03:30
I0 | systemd-logind[{n}]: Seat seat0 gained a session {n2} for {user} on tty1
I0@ERROR | smartd[{n}]: Device: /dev/{dev}, self-test log: short test completed without error, 0 errors logged
I0 | hid-generic 0003:0C2E:{hex2}.000{try}: input,hidraw0: USB HID v1.11 Keyboard [Honeywell Scanner] on usb-0000:00:14.0-{try}/input0
H1 | systemd[{n}]: {process}.service: Failed at step EXEC spawning /opt/tills/bin/{process}: No such file or directory
H1 | The {process} service terminated with the following error: The system cannot find the file specified.
H1@INFO | mdadm: DegradedArray event detected on md device /dev/md{n2}
H1 | kernel: sd 2:0:0:0: [{dev}] tag#{n2} FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_OK cmd_age=0s
H1@WARN | backup.sh on {host} exited 2 after {n2} min: tar: /srv/backup: Cannot open: Permission denied
H1 | Faulting application name: {process}.exe, version: {version}, faulting module name: ntdll.dll, exception code: 0xc0000374
H1@NOTICE | unattended-upgrade: {n2} packages not upgraded on till {lane}, dpkg exit status 100
C1 | EXT4-fs error (device {dev}): ext4_lookup:{n}: inode #{n}: comm {process}: deleted inode referenced: {n}
C1 | store server {host} stuck in emergency mode ("Give root password for maintenance"), /srv/pgdata not mounted
C1@WARN | canary file {path} changed by {process} (pid {n}); {n} files on {mount} renamed to *.lckd
L0@ERROR | logon of {user} at the till {lane} console refused, status 0xC000006A (wrong password)
L0 | sudo: {user} : user NOT in sudoers ; TTY=pts/{n2} ; PWD=/home/{user} ; USER=root ; COMMAND=/usr/bin/systemctl restart {process}
L0@ERROR | An account failed to log on. Account Name: {user}. Failure Reason: Unknown user name or bad password. Logon Type: 2
M1 | smartd[{n}]: Device: /dev/{dev} [SAT], {n2} Currently unreadable (pending) sectors
M1@INFO | {mount} on {host} at {hipct}% used (alert at 85%)
M0@WARN | chronyd[{n}]: System clock wrong by {n2}.{n} seconds, adjustment started
M0 | {process}.service holdoff time over (RestartSec=5s), restart number {try} queued
""",
    "runtimes": """
I0 | [gc] GC({n}) Garbage Collection (Warmup) {n}M({n2}%)->{n}M({n2}%)
I0 | [{ts}] [{n}] [INFO] Listening at: http://0.0.0.0:{port} ({n})
I0@WARN | (node:{n}) [DEP0005] DeprecationWarning: Buffer() is deprecated due to security and usability issues.
I0 | pricing-svc {version} on JVM (powered by Quarkus) started in {n2}.{n}s. Listening on: http://0.0.0.0:{port}
I0@ERROR | Polly: {klass}.{method} retry {try} after SqlException -2 (timeout) succeeded
I0 | Hosting environment: Production
I0 | pid={n} heap_used_mb={n} rss_mb={n} event_loop_lag_ms=0 uptime_s={n}
I0@ERROR | OperationCanceledException in {klass}.{method}: client went away before response, handled
I0 | JIT warm-up done: {n} methods compiled, 0 deoptimizations
H1 | java.lang.IllegalArgumentException: No enum constant com.retail.tender.TenderType.{key} at java.base/java.lang.Enum.valueOf(Enum.java:273)
H1 | Unhandled exception. System.FormatException: Input string was not in a correct format. at {klass}.{method}()
H1 | Traceback (most recent call last): ... File "/opt/replen/replen/plan.py", line {n2}, in {method} ... decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]
H1@INFO | worker {process} job {id} exit code 137 after {ms} ms
H1@CRITICAL | *** HARAKIRI ON WORKER {n2} (pid: {n}, try: 1) *** request /api/prices/bulk took too long
H1 | Error: connect ECONNREFUSED {ip}:{port} at TCPConnectWrap.afterConnect [as oncomplete] (node:net:{n2})
H1@WARN | (node:{n}) UnhandledPromiseRejectionWarning: RangeError: Maximum call stack size exceeded at flattenCategories (menu.js:{n2}:{n2})
H1 | PHP Fatal error:  Allowed memory size of 268435456 bytes exhausted (tried to allocate {n} bytes) in /var/www/shop/src/{klass}.php on line {n2}
C1 | tender-service: java.lang.OutOfMemoryError: Metaspace, JVM exiting, card payments stop at all tills of store {store}
C1@INFO | {process} failed to start: configuration section 'tenderRouting' not recognised (appsettings.json line {n2}), checkout API offline
L0@ERROR | pydantic ValidationError: 1 validation error for RedeemRequest quantity: must be greater than 0 (input {neg})
L0 | 400 Bad Request from {klass}: body field '{key}' is required
L0@ERROR | ArgumentOutOfRangeException handled: {user} asked for page {n} of order history, past the last page, empty list returned
M1 | JVM {process}: old gen {hipct}% after full GC, {n2} full GCs in 10 min
M1 | {process} on {host} runs Node 16.20.2, end-of-life, no security fixes any more
M0@WARN | replen-db pool drained, borrow waited {ms} ms and gave up; job step will be tried again in 1 min
M0 | resilience: priceClient calls short-circuited for {n2} s more, then one trial call to {host}
""",
}
