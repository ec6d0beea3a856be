# ruff: noqa: E501
"""Training templates in the shapes that real products document and emit, one per line, by domain.

Written for StackLens on 2026-11-27 by one engineer who wrote none of the other sets. The
hand-written corpus in templates.py is written in few voices (full English sentences about
stores and tills), and a model trained on it does much worse on a blind set written by someone
else than in cross-validation. These templates add other voices: the message shapes that
device, payment, database, broker, operating-system and runtime software documents and prints
(OPOS/JavaPOS result codes, ISO 8583 response codes, Windows Event Log descriptions, kernel,
systemd and sshd lines, nginx/Apache/HAProxy error logs, PostgreSQL/MySQL/SQL Server/Redis text,
RabbitMQ/Kafka/ActiveMQ/Celery lines, CUPS/IPP and Zebra/Epson status, JVM/.NET/Python/Node/Go
traces, supervisord and Kubernetes events). Every line was written here from what those
products' messages look like; none is copied from a public data set.

Same format and labelling rules as templates.py: `<severity><actionable>[@<level>] | <message>`,
severity C, H, M, L or I, actionable 1 or 0, and an optional level the line is logged at when
it differs from what its severity suggests.
"""

DOCUMENTED_FORMATS = {
    "pos": """
I0 | OPOS Scanner lane {lane}: ClaimDevice({ms}) returned OPOS_SUCCESS, DeviceEnabled=TRUE
I0 | StatusUpdateEvent Status=2001 (OPOS_SUE_POWER_ONLINE) from Scanner on {com}
I0 | CashDrawer lane {lane}: StatusUpdateEvent CASH_SUE_DRAWERCLOSED after {n} s
I0 | Keylock lane {lane}: KeyPosition=LOCK_KP_NORM, DeviceEnabled=TRUE
I0 | TransactionEnd lane={lane} trans={id} tender=CASH total={amount} change={amount2}
I0 | Operator {user} signed on to register {lane}, till {n2}, training=N
I0@WARN | Scanner on {com}: DataEvent discarded while DataEventEnabled=FALSE (tender screen active)
I0@ERROR | ClaimDevice for Scanner lane {lane} returned OPOS_E_TIMEOUT (112), retry {try} claimed it
I0@DEBUG | jpos.xml loaded: {n2} JposEntry elements, logicalName=POSPrinter.{lane} bound to service {klass}
H1 | OPOS CashDrawer lane {lane}: OpenDrawer() ResultCode=108 (OPOS_E_OFFLINE)
H1 | jpos.JposException: Device offline (ErrorCode=108, ErrorCodeExtended=0) at {klass}.{method}
H1 | JposException ErrorCode=104 JPOS_E_NOSERVICE: no service for logical device LineDisplay.{lane} in jpos.xml
H1 | Claim of LineDisplay lane {lane} failed: ResultCode=102 (OPOS_E_CLAIMED), held by process {process}
H1@WARN | StatusUpdateEvent Status=2004 (OPOS_SUE_POWER_OFF_OFFLINE) from POSPrinter lane {lane}, not reclaimed
H1 | Fiscal printer lane {lane}: printRecItem failed with JPOS_E_EXTENDED, ErrorCodeExtended=JPOS_EFPTR_DAY_END_REQUIRED
H1@INFO | Register {lane}: TLOG record for trans {id} written with RC={try}, record not forwarded to host
C1 | POS client lane {lane} terminated: unhandled exception 0xC0000005 (access violation) in OPOSPOSPrinter.ocx
C1 | Store controller {host}: 0 of {n2} registers online, TLOG writes failing with ENOSPC
M1 | Scanner lane {lane} CheckHealthText=Internal HCheck: Warning - scan window dirty, first-read rate {pct}%
M1@INFO | EJ storage on register {lane} {pct}% full, last archive taken {date}
M0 | OPOS Scale lane {lane}: ReadWeight returned OPOS_E_TIMEOUT (112) after {ms} ms, weight not stable
M0@NOTICE | Register {lane} running on backup controller {host2}, primary {host} reboot in progress
L0@ERROR | Scale lane {lane}: ErrorCode=114 ErrorCodeExtended=201 (OPOS_ESCAL_OVERWEIGHT), item removed by cashier
L0@ERROR | MSR lane {lane}: ErrorEvent ErrorCodeExtended=204 (OPOS_EMSR_LRC), ErrorResponse=OPOS_ER_CLEAR, swipe again
L0 | ItemNotFound: PLU {sku} not on file, lane {lane} sent item to price verify
""",
    "payments": """
I0 | MTI 0210 STAN {id} RRN {id2}: DE39=00 Approved, auth code {hex2}{n2}
I0 | Network management 0800 echo test to {host}: 0810 response 00 in {ms} ms
I0 | Settlement batch {id} closed on {terminal}: {n} sales, {n2} refunds, net {amount}, host response 00
I0 | HSM {ip} NC diagnostics: LMK check {hex}, firmware {version}, error code 00
I0 | SaleToPOIResponse PaymentResponse Result=Success ServiceID={id} POIID={terminal}-{n2}
I0@DEBUG | TVR=0000008000 TSI=E800 CID=80 (ARQC), going online for payment {uuid}
I0@WARN | Chip card removed before completion on {terminal} (CARD_REMOVED), second insert approved as sale {id}
I0@ERROR | Response timeout for STAN {id}, reversal 0420 sent and 0430 acknowledged, sale retried and approved
H1 | Host response 96 (System malfunction) for STAN {id}, sale {id2} not approved on lane {lane}
H1 | Sign-on 0800 code 001 rejected by {host}: DE39=30 Format error, terminal {terminal} cannot authorise
H1 | HSM command CA returned error code 10 (source key parity error) for TPK {hex}
H1 | P2PE decryption rejected data from {terminal}: KSN {hex}{hex2} not registered with the key injection facility
H1 | CA public key index {hex2} for RID A000000003 missing on {terminal}, offline data authentication failed
H1@WARN | Reversal 0400 for STAN {id} unacknowledged after {max} repeats (0401), cardholder may be charged twice
H1@INFO | Stored advices (MTI 0220) from {terminal} rejected with DE39=12, {n} offline sales not captured
C1 | PIN pad {terminal} serial {id}: tamper detected, device keys erased
C1 | payShield pool {host}: health check command NO unanswered by both HSMs, PIN translation down for all stores
M1 | DUKPT transaction counter on {terminal} at {pct}% of its limit, key re-injection due
M1@INFO | Terminal {terminal} batch not settled since {date}, {n} transactions held on device
M0 | Response code 91 (Issuer or switch inoperative) for card ending {card}, stand-in retry queued
M0@ERROR | Terminal {terminal} answered Result=Failure ErrorCondition=Busy to request {id}, POS will resend
L0@ERROR | MTI 0110 DE39=51 Insufficient funds for card ending {card} on {terminal}
L0@ERROR | Issuer response 54 (Expired card) for payment {uuid}
L0@WARN | Soft decline 65 (SCA required) on {terminal}, cardholder prompted for PIN
L0 | Payment {uuid} Refused, refusalReason: CVC Declined
L0 | SaleToPOIResponse Result=Failure ErrorCondition=Cancel: cardholder cancelled on {terminal}
""",
    "inventory": """
I0 | IDoc {id} WMMBXY status 53: Application document posted
I0 | EDI 997 from {supplier} for interchange {id}: AK9*A, {n2} transaction sets accepted
I0 | AS2 message {uuid} to {supplier} sent, signed MDN received: processed
I0 | Received EDI 856 ASN {id} from {supplier}: {n} cartons, {n2} pallets, SSCC labels valid
I0 | LLRP RO_ACCESS_REPORT from reader {ip}: {n} TagReportData on antenna {n2}
I0 | Cycle count {id} store {store} aisle {n2} closed: {n} counted, variance {amount}
I0 | Stock snapshot exported to {path}: {n} SKUs across {n2} stores, 0 rejected
I0@WARN | GR for PO {id} posted within under/overdelivery tolerance: {n} received, {n2} ordered
I0@ERROR | SFTP put of {file} to {host} failed: Connection reset, attempt {try} succeeded in {ms} ms
H1 | IDoc {id} status 51: Material {sku} not maintained in plant {store}
H1 | EDI 997 from {supplier} for ISA {id}: AK9*R, AK5*R*5 one or more segments in error
H1 | AS2 MDN from {supplier} for message {uuid}: processed/error: decryption-failed
H1 | Replenishment run {method} aborted: ORA-01555 snapshot too old reading {table}
H1@WARN | LLRP READER_EVENT_NOTIFICATION from {ip}: AntennaEvent Disconnected, AntennaID={n2}
H1@INFO | Job ZMARKDOWN_{n2} finished: {n} records processed, {n2} records with errors (see application log)
C1 | Stock ledger for store {store} out of balance: {n} goods receipts posted twice, on-hand wrong for {category}
C1 | WMS {host}: wave release halted, pick database {table} marked SUSPECT, no orders can be picked
M1 | Inbound IDoc {id} DESADV in status 64 for {n} hours, inbound processing job not running
M1 | PO {id} to {supplier} unconfirmed after {n} hours, no EDI 855 received
M0 | AS2 send to {supplier} got HTTP 503, resend {try} of {max} scheduled in {n2} minutes
M0@INFO | Cycle count {id} store {store}: {n} locations still uncounted, count window open until {date}
L0@ERROR | Message M7 021: Deficit of SL Unrestricted-use {n} EA : {sku} {store} 0001
L0@ERROR | Handheld {n2} store {store}: GTIN {sku} failed check digit, rescan requested
L0@WARN | ASN {id} from {supplier} lists {sku} not on PO {id2}, line received as overage
""",
    "printers": """
I0 | [Job {id}] Job completed.
I0 | [Job {id}] The printer is now online.
I0 | lpstat: printer {printer} is idle. enabled since {date}
I0 | IPP Get-Printer-Attributes ipp://{host}:631/printers/{printer}: successful-ok, printer-state=3 (idle)
I0 | PrintService 307: Document {n}, Receipt owned by {user} was printed on {printer} through port IP_{ip}. Pages printed: 1
I0 | ePOS-Print response from {printer}: success=true code= status={n}
I0@DEBUG | [Job {id}] PID {n} (/usr/lib/cups/backend/socket) exited with no errors.
I0@WARN | {printer} ALERT CLEARED: HEAD OPEN
I0@ERROR | [Job {id}] The printer is not responding. Printer came back after {n2} s, job completed
H1 | [Job {id}] Job stopped due to filter errors; please consult the error_log file for details.
H1 | [Job {id}] PID {n} (/usr/lib/cups/filter/rastertolabel) stopped with status 1.
H1 | PrintService 372: The document Receipt owned by {user} failed to print on printer {printer}. Win32 error code returned by the print processor: 0x{hex}
H1 | {printer} ERROR CONDITION: HEAD ELEMENT BAD
H1 | ePOS-Print response from {printer}: success=false code=EPTR_CUTTER, receipt for sale {id} not cut
H1 | Printer.connect(TCP:{ip}) threw Epos2Exception ERR_CONNECT on lane {lane}
H1@WARN | lpstat: printer {printer} disabled since {date} - Unplugged or turned off
H1@INFO | Printer {printer} state changed to stopped, printer-state-reasons=media-jam-error
C1 | Print server {host}: spooler queues for all {n2} label printers stopped, no shipping labels printed for any order
C1 | Fiscal memory of printer on lane {lane} exhausted, no fiscal receipts can be issued
M1 | {printer}: printer-state-reasons=marker-supply-low-warning, ribbon remaining {pct}%
M1 | {printer} ALERT: REPLACE HEAD, {n} km printed since the last head change
M0@WARN | [Job {id}] Unable to connect to printer; will retry in 30 seconds...
M0 | {printer} ALERT: HEAD TOO HOT, printing paused until the head cools
L0@ERROR | Print-Job from {user} rejected: client-error-document-format-not-supported (application/vnd.ms-excel)
L0@ERROR | client-error-not-authorized: {user} is not allowed to print to {printer}
L0 | [Job {id}] Job canceled by owner {user} before printing.
""",
    "web": """
I0 | [notice] {n}#0: signal process started
I0 | AH00489: Apache/{version} (Ubuntu) configured -- resuming normal operations
I0 | {ip}:{port} fe_https~ be_api/{host} 0/0/1/{ms}/{ms} 200 {n} - - ---- {n2}/{n2}/0/0/0 0/0 "GET /api/{resource}/{id} HTTP/1.1"
I0 | certbot renew: The following certificates are not due for renewal yet: /etc/letsencrypt/live/{host}/fullchain.pem
I0 | [info] {n}#0: *{id} recv() failed (104: Connection reset by peer) while reading client request line, client: {ip}
I0@WARN | [warn] {n}#0: *{id} an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/{n2}/{id}
I0@WARN | AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 127.0.1.1
I0@WARN | Server be_api/{host} is UP, reason: Layer7 check passed, code: 200, check duration: {ms}ms. {n2} active and 0 backup servers online.
H1 | [error] {n}#0: *{id} connect() failed (111: Connection refused) while connecting to upstream, client: {ip}, upstream: "http://{ip}:{port}/api/{resource}"
H1 | [error] {n}#0: *{id} upstream timed out (110: Connection timed out) while reading response header from upstream, request: "POST /api/{resource} HTTP/1.1"
H1 | [alert] {n}#0: worker process {n2} exited on signal 9
H1 | AH01114: HTTP: failed to make connection to backend: {host}
H1 | AH00052: child pid {n} exit signal Segmentation fault (11)
H1@INFO | {ip}:{port} fe_https~ be_checkout/{host} 0/0/1/-1/{ms} 504 194 - - sH-- {n2}/{n2}/0/0/0 0/0 "POST /checkout/{id} HTTP/1.1"
H1@WARN | Server be_api/{host} is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. {n2} active and 0 backup servers left.
C1@INFO | {ip}:{port} fe_https be_checkout/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- {n2}/{n2}/0/0/0 0/0 "POST /checkout/{id} HTTP/1.1"
C1 | [emerg] {n}#0: bind() to 0.0.0.0:{port} failed (98: Address already in use)
C1 | WAS 5002: Application pool 'StoreApi' is being automatically disabled due to a series of failures in the process(es) serving that application pool.
M1 | AH00161: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting
M1@WARN | Attempting to renew cert ({host}) from /etc/letsencrypt/renewal/{host}.conf produced an unexpected error: Timeout during connect. Skipping.
M0@WARN | [warn] {n}#0: *{id} upstream server temporarily disabled while connecting to upstream, upstream: "http://{ip}:{port}"
L0@ERROR | [error] {n}#0: *{id} open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: {ip}
L0@ERROR | AH01630: client denied by server configuration: /var/www/admin/{file}
L0@WARN | [warn] {n}#0: *{id} limiting requests, excess: {n2}.520 by zone "api", client: {ip}
L0 | {ip}:{port} fe_https~ be_api/{host} 0/0/1/-1/{ms} -1 0 - - CD-- {n2}/{n2}/0/0/0 0/0 "GET /api/{resource} HTTP/1.1"
""",
    "database": """
I0 | LOG:  automatic vacuum of table "shop.public.{table}": index scans: 1, pages: 0 removed, {n} remain
I0 | LOG:  started streaming WAL from primary at 0/{hex} on timeline 1
I0 | LOG:  could not receive data from client: Connection reset by peer
I0 | [Note] Slave I/O thread: connected to master 'repl@{host}:3306', replication started in log 'mysql-bin.{n}' at position {id}
I0 | DBCC CHECKDB (StoreDB) executed by {user2} found 0 errors and repaired 0 errors.
I0 | * Background saving terminated with success
I0@FATAL | FATAL:  terminating connection due to administrator command
I0@WARN | WARNING:  there is no transaction in progress
I0@WARN | [Warning] Aborted connection {n} to db: 'shop' user: '{user}' host: '{ip}' (Got an error reading communication packets)
H1 | ERROR:  null value in column "{key}" of relation "{table}" violates not-null constraint
H1 | ERROR:  insert or update on table "{table}" violates foreign key constraint "{table}_store_id_fkey" DETAIL:  Key (store_id)=({store}) is not present in table "stores".
H1 | ERROR:  relation "{table}_archive" does not exist at character {n}
H1@FATAL | FATAL:  remaining connection slots are reserved for non-replication superuser connections
H1 | Error: 1205, Severity: 13, State: 51. Transaction (Process ID {n}) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.
H1 | # Background saving error
H1 | -OOM command not allowed when used memory > 'maxmemory'.
C1 | PANIC:  could not locate a valid checkpoint record
C1 | ERROR:  could not read block {n} in file "base/{n2}/{id}": read only 0 of 8192 bytes
C1 | Error: 9002, Severity: 17, State: 2. The transaction log for database 'StoreDB' is full due to 'LOG_BACKUP'.
M1 | SQL Server has encountered {n} occurrence(s) of I/O requests taking longer than 15 seconds to complete on file [D:\\Data\\StoreDB.mdf] in database id 5.
M1 | [Warning] InnoDB: Difficult to find free blocks in the buffer pool ({n} search iterations)! {n2} failed attempts to flush a page!
M1 | WARNING:  archiving write-ahead log file "00000001000000{hex}" failed too many times, will try again later
M0 | # Connection with master lost. * Connecting to MASTER {ip}:6379
M0@INFO | [replexec-{n2}] Member {host}:27017 is now in state RECOVERING
L0@ERROR | Error: 18456, Severity: 14, State: 8. Login failed for user '{user}'. Reason: Password did not match that for the login provided. [CLIENT: {ip}]
L0@ERROR | Access denied for user '{user}'@'{ip}' (using password: YES)
L0 | LOG:  unexpected EOF on client connection with an open transaction
""",
    "queues": """
I0 | accepting AMQP connection <0.{n}.0> ({ip}:{port} -> {ip}:5672)
I0 | [Partition {queue}-{n2} broker={n}] Expanding ISR from {n} to {n},{n2}
I0 | Task shop.tasks.{method}[{uuid}] succeeded in {ms}s: None
I0 | Database /var/lib/activemq/data/kahadb/lock is locked by another server. This broker is now in slave mode waiting a lock to be acquired
I0@WARN | closing AMQP connection <0.{n}.0> ({ip}:{port} -> {ip}:5672): client unexpectedly closed TCP connection
I0@WARN | memory resource limit alarm cleared on node rabbit@{host}
I0@WARN | [Log partition={queue}-{n2}, dir=/var/lib/kafka/data] Found a corrupted index file, deleting and rebuilding index
I0@WARN | Transport Connection to: tcp://{ip}:{port} failed: java.io.EOFException
H1 | Channel error on connection <0.{n}.0>: operation basic.publish caused a channel exception not_found: no exchange '{queue}' in vhost '/'
H1 | Task shop.tasks.{method}[{uuid}] raised unexpected: ConnectionError('Max retries exceeded')
H1 | Received unregistered task of type 'shop.tasks.{method}'. The message has been ignored and discarded.
H1 | CommitFailedException: Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member, offsets for {queue}-{n2} not committed
H1@INFO | Usage Manager Store is Full, {pct}% of 1073741824. Stopping producer (ID:{host}-{port}-{id}-1:1:1:1) to prevent flooding queue://{queue}.
H1@WARN | memory resource limit alarm set on node rabbit@{host}. Publishers will be blocked until this alarm clears
H1@WARN | [Consumer clientId=consumer-{queue}-1, groupId={queue}-workers] consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms
C1 | Fatal error during KafkaServer startup. Prepare to shutdown: InconsistentClusterIdException: The Cluster ID {hex} doesn't match stored clusterId in meta.properties
C1@WARN | Partial partition detected: we saw DOWN from rabbit@{host2} while rabbit@{host} still sees it; pausing node, queues on it unavailable
M1@INFO | [Partition {queue}-{n2} broker={n}] Shrinking ISR from {n},{n2} to {n}
M1 | Queue {queue} in vhost '/' has {n} messages ready and 0 consumers
M0@WARN | [Producer clientId=producer-1] Got error produce response with correlation id {id} on topic-partition {queue}-{n2}, retrying ({n} attempts left). Error: NOT_LEADER_OR_FOLLOWER
M0@ERROR | consumer: Cannot connect to amqp://guest:**@{host}:5672//: [Errno 111] Connection refused. Trying again in 4.00 seconds... ({try}/100)
M0@INFO | Task shop.tasks.{method}[{uuid}] retry: Retry in 60s: TimeoutError()
L0@WARN | HTTP access denied: user '{user}' - invalid credentials
L0@WARN | basic.reject requeue=false for message {id} on {queue}: price event from {supplier} failed schema check
L0 | Discarding revoked task: shop.tasks.{method}[{uuid}]
""",
    "os": """
I0 | systemd[1]: {process}.service: Deactivated successfully.
I0@DEBUG | systemd[1]: {process}.service: Main process exited, code=exited, status=0/SUCCESS
I0 | CRON[{n}]: (root) CMD (/usr/local/bin/{process}-backup.sh)
I0 | CRON[{n}]: (CRON) info (No MTA installed, discarding output)
I0 | EXT4-fs ({dev}): mounted filesystem with ordered data mode. Opts: (null)
I0 | The time service is now synchronizing the system time with the time source {host} (ntp.m|0x0|0.0.0.0:123->{ip}:123).
I0 | dockerd: level=info msg="ignoring event" container={hex} module=libcontainerd namespace=moby topic=/tasks/delete
I0@WARN | The IO operation at logical block address 0x{hex} for Disk 1 was retried.
H1@NOTICE | systemd[1]: {process}.service: Main process exited, code=exited, status=1/FAILURE
H1 | systemd[1]: {process}.service: Start request repeated too quickly. Failed with result 'exit-code'.
H1@WARN | {process} invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0
H1@INFO | INFO: task {process}:{n} blocked for more than 120 seconds.
H1 | watchdog: BUG: soft lockup - CPU#{n2} stuck for 22s! [{process}:{n}]
H1@CRITICAL | The system has rebooted without cleanly shutting down first. This error could be caused if the system stopped responding, crashed, or lost power unexpectedly.
H1 | dockerd: level=error msg="Handler for POST /v1.41/containers/{hex}/start returned error: Bind for 0.0.0.0:{port} failed: port is already allocated"
H1@CRITICAL | md/raid1:md0: Disk failure on {dev}, disabling device. Operation continuing on 1 devices.
C1 | Ntfs 55: A corruption was discovered in the file system structure on volume D:. The exact nature of the corruption is unknown.
C1 | Microsoft Defender Antivirus has detected malware or other potentially unwanted software on {host}: Trojan:Win32/Skimmer, path C:\\POS\\{file}
M1@ERROR | logrotate: error: skipping "/var/log/{process}/*.log" because parent directory has insecure permissions
M1 | The C: disk is at or near capacity. You may need to delete some files.
M0@WARN | CPU{n2}: Core temperature above threshold, cpu clock throttled (total events = {n})
M0@NOTICE | systemd[1]: {process}.service: Scheduled restart job, restart counter is at {try}.
L0 | sshd[{n}]: Failed password for {user} from {ip} port {port} ssh2
L0 | sshd[{n}]: Invalid user admin from {ip} port {port}
L0 | pam_unix(sudo:auth): authentication failure; logname={user} uid=1000 euid=0 tty=/dev/pts/0 ruser={user} rhost=  user={user}
""",
    "runtimes": """
I0 | Started StoreApiApplication in {n2}.{n} seconds (process running for {n2}.9)
I0 | Tomcat started on port {port} (http) with context path '/'
I0 | Microsoft.Hosting.Lifetime[0] Application started. Press Ctrl+C to shut down.
I0 | INFO spawned: '{process}' with pid {n}
I0 | INFO exited: {process} (exit status 0; expected)
I0 | Normal  Pulled  pod/{process}-{hex2}  Successfully pulled image "registry.shop.internal/{process}:{version}" in {ms}ms
I0@WARN | HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@{hex} (This connection has been closed.). Possibly consider using a shorter maxLifetime value.
I0@ERROR | Redis client error: read ECONNRESET at TCP.onStreamRead, reconnecting in {ms} ms; client ready
H1 | HikariPool-1 - Connection is not available, request timed out after 30000ms.
H1 | org.hibernate.LazyInitializationException: could not initialize proxy [com.shop.Store#{store}] - no Session
H1 | fail: Microsoft.AspNetCore.Server.Kestrel[13] An unhandled exception was thrown by the application. System.NullReferenceException: Object reference not set to an instance of an object.
H1 | requests.exceptions.ConnectionError: HTTPSConnectionPool(host='{host}', port=443): Max retries exceeded with url: /v1/{resource}
H1 | npm ERR! code ELIFECYCLE npm ERR! errno 1 npm ERR! store-api@{version} start: node server.js
H1 | panic: runtime error: invalid memory address or nil pointer dereference [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x{hex}]
H1@INFO | INFO exited: {process} (exit status 1; not expected)
H1@WARN | Warning  BackOff  pod/{process}-{hex2}  Back-off restarting failed container
H1 | Last State: Terminated, Reason: OOMKilled, Exit Code: 137
C1@INFO | INFO gave up: {process} entered FATAL state, too many start retries too quickly
C1 | Application: PosService.exe Framework Version: v4.0.30319 Description: The process was terminated due to an unhandled exception. Exception Info: System.IO.FileNotFoundException
M1 | (node:{n}) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 11 error listeners added to [Socket].
M1@WARN | Warning  FailedScheduling  0/{n2} nodes are available: {n2} Insufficient memory. preemption: not helpful
M0@WARN | Warning  Unhealthy  pod/{process}-{hex2}  Readiness probe failed: HTTP probe failed with statuscode: 503
M0 | WARNING:urllib3.connectionpool:Retrying (Retry(total=2, connect=None, read=None)) after connection broken by 'ReadTimeoutError': /api/{resource}
L0@ERROR | org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0]: field '{key}' must not be blank
L0@WARN | Microsoft.AspNetCore.Authentication.JwtBearer: Bearer was not authenticated. Failure message: IDX10223: Lifetime validation failed. The token is expired.
L0 | ValueError: invalid literal for int() with base 10: 'abc' in quantity field, request answered 400
""",
}
