# Real log lines run past the line-length limit.
# ruff: noqa: E501
"""Field voices: training templates written on 2026-11-27 in the voices of the many developers
and vendors whose code logs in a retail chain, one per line, grouped by domain.

The hand-written corpus (templates.py) is written in few voices: full, tidy English sentences.
A blind test set written by another person scored far below cross-validation, so this set adds
other ways of saying the same things: terse firmware codes in upper case, enterprise Java with
long class names and `Caused by:`, logfmt key=value services, a non-native English speaker, a
chatty script writer, ops counters and state words, a vendor integration that logs only HTTP
exchanges, and lines where the failure is buried mid-sentence or shown only by a number or a
state. It has negations and zero counts, and alarming words in harmless lines.

The format and labels are those of templates.py: `<severity><actionable>[@<level>] | <message>`,
with the slots the corpus generator fills.
"""

FIELD_VOICES = {
    "pos": """
H1 | LANE {lane} SCN TMO {ms}MS, SCANNER OFFLINE, KEY ENTRY ONLY
I0 | SCN {com} INIT OK FW {version} BEEP=ON
I0@WARN | CDRW {lane} ALARM CLR, DRAWER SHUT BY OPR
C1 | com.retail.pos.core.TillBootstrap - Till on lane {lane} could not be started. Caused by: java.io.IOException: journal directory {path} is not writable
H1 | com.retail.pos.basket.BasketServiceImpl - Exception while adding item {sku} to basket {id}. Caused by: java.lang.IllegalArgumentException: unit price must not be null
H1@INFO | op=sale_upload store={store} lane={lane} result=failed attempts={max} err="connection refused"
I0 | op=basket_close basket={id} lines={n2} total={amount} result=ok dur_ms={ms}
M0@INFO | op=loyalty_credit member={id} result=deferred retry_in={n}s
L0@ERROR | The coupon {code} is not possible to apply because the basket has not the minimum amount
H1 | Has been failed the closing of shift {id} for cashier {user}, the totals are not saved
I0 | Whoops, lane {lane} clock was {n2} s off, nudged it back via NTP. All good!
H1@WARN | Hmm, couldn't find the tax rate for {category} items in store {store}, selling them at 0% for now
I0 | lanes_online={n2} lanes_offline=0 sales_1h={n} voids_1h={n2} state=NORMAL
M1 | store={store} lanes_online={n2} lanes_offline={try} state=DEGRADED
H1 | POST /v1/stores/{store}/sales -> 422 in {ms}ms body="lane_id missing"
I0 | GET /v1/stores/{store}/price-book?since={date} -> 200 in {ms}ms ({n} items)
C1@INFO | store {store}: every lane reports checkout_state=BLOCKED for the last {n} s
I0 | Nightly housekeeping: error_count for lane {lane} archived and set back to zero
L0 | Cashier {user} tried to give a refund bigger than the sale ({amount2} > {amount}), not allowed
H1@INFO | End of day for store {store} done in {ms} ms, {n} sales, {n2} of them without tax lines, report sent
M1 | Journal upload backlog on lane {lane} is {n} files and has grown every hour since {date}
M0 | Lane {lane} still loading the price book ({pct}% done), scanning held for a moment
L0@ERROR | ERR 0x{hex2} KEYLOCK POS WRONG, OPR TO TURN KEY TO REG
I0 | Nothing to retry for lane {lane}: upload queue empty, last sale {id} acknowledged
I0@ERROR | Sale {id}: ERROR banner shown to cashier was the training-mode demo, no real failure
""",
    "payments": """
C1 | PED {terminal} TAMPER DETECTED, KEYS ERASED, UNIT LOCKED
I0 | PED {terminal} KEY CHK OK KCV={hex} SEQ={n}
H1 | PED {terminal} RSP 96 SYS MALFUNCTION TXN {id} ABRT
H1 | com.acme.payments.gateway.AuthorizationClient - Authorization request for order {id} could not be processed. Caused by: javax.net.ssl.SSLHandshakeException: PKIX path building failed
C1 | com.acme.payments.settlement.SettlementWriter - Settlement batch {id} was truncated on write, {n} approved transactions are missing from the file for {date}
I0 | op=capture payment={uuid} amount={amount} result=ok acquirer_ms={ms}
H1@INFO | op=refund refund={id} amount={amount} result=error code=GW_TIMEOUT final=true
M0@INFO | op=capture payment={uuid} result=retry_scheduled attempt={try}/{max} next_in={n}s
L0@ERROR | The card of the customer is refused from the bank with reason "exceeds withdrawal limit", customer has paid with other card
H1 | Is not possible to send the refund {id} because the original payment {uuid} is not found in the system
I0 | Yay, settlement for {date} uploaded on first try, {n} txns, nothing to retry
H1@WARN | Ugh, acquirer sent back a settlement report we can't parse, skipping line {n} and carrying on
I0 | terminals_total={n2} terminals_ok={n2} terminals_failed=0 last_poll_ms={ms}
M1 | approvals={n} declines={n2} timeouts={n2} timeout_rate={pct}% window=15m state=DEGRADED
I0 | POST /v3/payments/{uuid}/capture -> 201 in {ms}ms
H1 | POST /v3/refunds -> 500 in {ms}ms (refund {id}, {amount})
L0 | POST /v3/payments -> 402 in {ms}ms reason=card_declined
I0@WARN | Fraud alert drill for store {store} finished, no real cards involved
C1@WARN | Every card payment on the terminals of store {store} ends in state ERROR since {n} minutes, customers can pay only cash
H1@INFO | Payment {uuid} authorized for {amount} but the till recorded {amount2}, sale closed anyway
M1 | Acquirer client certificate for merchant {store} runs out on {date}, {n2} days left and no renewal order found
L0@ERROR | CARD READ ERR: NON-PAYMENT CARD PRESENTED ON {terminal}, ASK FOR OTHER CARD
I0@ERROR | Reversal for timed-out authorization {id} sent and confirmed, customer charged once
M0 | Acquirer asked us to slow down (429), authorization of payment {uuid} queued for {ms} ms
L0 | giftcard={card} op=load amount={amount} result=refused reason=over_regulatory_cap
""",
    "inventory": """
H1 | HHT {n2} SYNC ERR E{n2} RECS {n} NOT SENT
I0 | HHT {n2} BATT {pct}% DOCKED CHG
H1 | com.retail.inventory.replenishment.OrderProposalService - Failed to compute the order proposal for store {store}. Caused by: java.lang.ArithmeticException: / by zero at {klass}.{method}
C1 | com.retail.inventory.ledger.LedgerRepository - Stock movements of store {store} since {date} cannot be recovered: table {table} has been truncated
I0 | op=stock_sync store={store} received={n} applied={n} rejected=0 dur_ms={ms}
H1@INFO | op=po_send po={id} supplier="{supplier}" status=rejected reason="unknown GTIN {sku}"
M1 | op=stock_sync store={store} lag_s={n} trend=rising last_ok={date}
L0@ERROR | The quantity of the count for item {sku} is negative, is not possible to save it, please correct
H1 | Has been impossible to book the delivery {id} of {supplier} because the warehouse {store} is not existing
I0 | Whoops, delivery note {id} had a blank line at the end, ignored it. {n} lines booked fine
H1@WARN | Couldn't match {n} lines of the {supplier} invoice to any purchase order, leaving them for someone to look at
I0 | counts_open={n2} counts_closed={n} discrepancies=0 state=IDLE
C1@INFO | ledger_writer state=STOPPED backlog={n} last_commit={date} stores_affected=ALL
H1 | PUT /api/v2/inventory/{sku} -> 409 in {ms}ms after {max} tries, stock not updated
I0 | GET /api/v2/stores/{store}/stock?page={n2} -> 200 in {ms}ms
M0 | Supplier portal of {supplier} answered 503 for the ASN download, next try in {n} minutes
I0@WARN | Shrinkage report: {n} items marked DAMAGED, {n2} marked STOLEN in store {store} this week
L0 | Stock count {id} for aisle {n2} rejected: a count for this aisle is already open by {user}
M1 | {n} click and collect orders in store {store} reserved items that show zero on the shelf count
I0 | Replenishment run for {date} done, {n} orders created, none failed, no supplier missing
M0@INFO | Stock feed from warehouse {store} is {n2} minutes late, usual on Mondays, will look again
L0 | The user {user} has read with the handheld the label of the shelf and not the article, he must read again
I0@ERROR | Import of {file} hit a lock timeout, second run went through clean with {n} rows
H1@INFO | Reorder point for SKU {sku} computed as {neg}, automatic reordering stopped for it
""",
    "printers": """
H1 | PRN ERR 0x{hex2} CUTTER JAM LANE {lane}
I0 | PRN {printer} INIT OK CP{n2} 203DPI
M1 | PRN WRN NEAR END PAPER LANE {lane}
H1 | com.retail.print.spool.JobDispatcher - Unable to deliver print job {id} to {printer}. Caused by: java.net.NoRouteToHostException: No route to host ({ip})
I0 | com.retail.print.spool.JobDispatcher - Print job {id} delivered to {printer} in {ms} ms, acknowledgement received
H1@INFO | op=print job={id} printer={printer} result=failed status=PAPER_OUT queued_after={n2}
I0 | op=print job={id} printer={printer} result=ok pages=1 dur_ms={ms}
M0@INFO | op=print job={id} printer={printer} result=retrying reason=busy attempt={try}
L0@ERROR | The label of price cannot be printed because the user {user} has chosen a format not existing for this printer
H1 | Has been lost the connection with the fiscal printer on lane {lane} in the middle of receipt {id}, receipt not fiscalised
I0@WARN | {printer} was sulking again (red light), power cycled it and the test page came out fine
H1@WARN | Ugh, {printer} keeps eating labels, {n2} labels for aisle {n} came out crumpled and need reprinting
I0 | printers_online={n2} printers_error=0 jobs_done={n} jobs_failed=0
M1 | printer={printer} state=DEGRADED jams_24h={n2} reprints_24h={n}
H1 | POST /printers/{printer}/jobs -> 503 in {ms}ms, cloud print unavailable for job {id}
I0 | GET /printers/{printer}/status -> 200 in {ms}ms (state=idle, paper=ok)
C1 | Fiscal device on lane {lane} entered BLOCKED state after the daily report failed, no receipt can be issued
I0@ERROR | {printer} returned ERROR to the status poll while it was rebooting, next poll ready
L0 | Reprint of receipt {id} refused: receipt older than {n2} days
M1 | {printer} thermal head running hot, {n2} receipts printed faded in the last hour
I0 | Label run for aisle {n2} completed: {n} labels, no misprints, nothing queued
M0 | {printer} in power save, first job {id} waits while it warms up
C1 | Fiscal memory of the printer on lane {lane} has {n} receipts that cannot be read back, tax record incomplete
L0@ERROR | PRN {printer} ERR MEDIA MISMATCH, OPR LOADED LABEL ROLL IN RECEIPT SLOT
H1@INFO | Print job {id} finished with status COMPLETE but {printer} received 0 bytes
""",
    "web": """
H1 | KIOSK {n2} HTTP ERR -7 DNS FAIL {host}
I0 | KIOSK {n2} HTTP 200 CFG {version} RCV {n}B
H1 | org.springframework.web.servlet.DispatcherServlet - Handler dispatch failed for POST /checkout/confirm; nested exception is java.lang.NoSuchMethodError: {klass}.{method}
C1 | com.retail.shop.web.StartupListener - Web application context failed to start on {host}, every request is answered with 503
I0 | method=POST route=/cart/items status=201 dur_ms={ms} user={user} trace={hex}
H1@INFO | method=GET route=/orders/{id} status=500 dur_ms={ms} err="template missing"
L0 | method=POST route=/login status=401 dur_ms={ms} reason=bad_credentials
M0@INFO | route=/search upstream={host} status=retry attempt={try} backoff_ms={ms}
L0@ERROR | The user has sent the form with a postal code not valid for the country {region}, the request is refused with 400
H1 | Is not possible to show the page of product {sku} because the image service is answering always 500
I0 | Deployed {version} to {host}, smoke tests green, nothing broke this time
H1@WARN | Oops, the sitemap job blew up halfway, {n} product pages missing from sitemap.xml
I0 | rps={n} p50_ms={ms} errors_5xx=0 errors_4xx={n2} state=HEALTHY
M1 | rps={n} p95_ms={ms} errors_5xx={n2} state=DEGRADED since={date}
H1 | POST /v2/orders -> 503 in {ms}ms
I0 | GET /v2/catalog/{sku} -> 304 in {ms}ms
C1 | GET / -> 503 in {ms}ms from every edge location, shop front unavailable
I0@WARN | 404 rate on /product/* up to {pct}% because a crawler follows old links from the {date} catalogue, nothing of ours
L0 | Customer {user} typed the expired promo code {code} at checkout, message shown
M1 | Session store on {host} holds {n} sessions, memory at {pct}% and climbing since the campaign started
I0 | Checkout funnel today: {n} visits, {n2} orders, 0 payment page errors
I0@ERROR | Upstream {host} timed out, request {uuid} served from stale cache with 200
H1@INFO | Order confirmation mails for web orders went out with prices in the wrong currency since {version}
M0 | CDN purge for {path2} not yet confirmed by {n2} edges, checking again in {n} s
""",
    "database": """
H1 | LCL DB ERR 5 BUSY TBL {table}, TXN {id} DROPPED
I0 | LCL DB CHK OK PAGES {n} FREE {n2}
H1 | org.hibernate.exception.ConstraintViolationException: could not execute statement; Caused by: org.postgresql.util.PSQLException: ERROR: null value in column "{key}" of relation "{table}" violates not-null constraint
C1 | com.retail.persistence.MigrationRunner - Schema migration {version} failed halfway on {host}, table {table} left without its primary key and the application stopped
I0 | db=orders op=migrate version={version} result=applied dur_ms={ms}
H1@INFO | db={table} op=backup result=partial files_failed={n2} target={path}
M1 | db={host} op=replication lag_s={n} state=CATCHING_UP trend=up
M0@INFO | db={host} op=connect result=retry attempt={try} wait_ms={ms}
L0@ERROR | The report of user {user} is asking too many rows ({n} thousand), the query was stopped as by the rule
H1 | The copy of table {table} to the archive has been failed at row {id}, the archive is incomplete
I0 | Vacuumed {table} again, freed {n} MB, no bloat left. Sweet.
H1@WARN | Hmm, the nightly row count of {table} dropped by {n} since yesterday and nobody deleted anything that I know of
I0 | conns_active={n2} conns_idle={n2} conns_waiting=0 deadlocks=0 state=OK
C1@INFO | cluster={host} primary=NONE replicas_ok=0 state=DOWN
H1 | POST /v1/sql/exec -> 500 in {ms}ms (statement against {table} rolled back)
I0 | GET /v1/instances/{host}/metrics -> 200 in {ms}ms
I0@WARN | Dropped and recreated the index on {table}.error_code, took {ms} ms, no hiccups
L0 | Insert into {table} refused for {user2}: read-only role, as configured
M1 | Tablespace on {mount} is {pct}% full, {table} grows about {n2} GB per day
I0 | Consistency check of {table} done: 0 orphan rows, 0 broken references, nothing to fix
M0 | Replica {host2} paused replay for a long query, will resume when it ends (lag {n} s)
I0@ERROR | Deadlock between transactions {id} and {id2}, victim {id2} rolled back and re-run successfully
L0@ERROR | DB LOGIN FAIL USR {user} BAD PWD SRC {ip}
H1@INFO | Sales of {date} show {amount} in the database but {amount2} in the till journals
""",
    "queues": """
H1 | MQ PUB ERR RC={n2} Q={queue} MSG {id} DROP
I0 | MQ CONN UP {host}:{port} KA={n2}S
H1 | org.apache.kafka.common.errors.RecordTooLargeException: The message is {n} bytes when serialized which is larger than the maximum request size; producer for {queue} gave up on record {id}
C1 | com.retail.events.OutboxRelay - Outbox table was cleaned before the relay ran, {n} sales events never published to {queue} and cannot be rebuilt
I0 | queue={queue} op=consume batch={n2} acked={n2} nacked=0 dur_ms={ms}
H1@INFO | queue={queue} op=consume msg={id} result=dead_lettered err="unknown event type"
M1 | queue={queue} depth={n} consumers=1 oldest_age_s={n} trend=growing
M0@INFO | queue={queue} op=publish result=buffered reason=broker_unreachable retry_in_ms={ms}
L0@ERROR | The message {id} is refused because the store {store} has sent it two times with the same key, the second is ignored
H1 | Has been stopped the consumer of {queue} because the message {id} cannot be decoded, all next messages are waiting
I0 | Drained {queue} after the outage, {n} messages, not a single one lost. Phew!
H1@WARN | Welp, the dlq for {queue} got {n2} new ones overnight, all "price missing", someone should look
I0 | consumers={n2} lag=0 rebalances_24h=0 dlq=0 state=STABLE
C1@INFO | broker={host} state=FENCED partitions_offline={n} producers_blocked=ALL
H1 | POST /v1/topics/{queue}/records -> 500 in {ms}ms (batch of {n2} lost)
I0 | POST /v1/topics/{queue}/records -> 200 in {ms}ms offsets={n}..{n}
I0@WARN | Poison pill test: message {id} routed to {queue}-dlq as expected
L0 | Subscription to {queue} refused for client {user}: topic is internal, ask the platform team
M0@INFO | Consumer group for {queue} rebalancing after a deploy, {n2} partitions unassigned for now
I0 | Replay of {queue} from offset {n} finished, 0 duplicates, 0 skipped, nothing to retry
M1 | Retention of {queue} is {n2} hours and consumers are {n2} hours behind, oldest messages close to expiry
I0@ERROR | Broker {host} answered NOT_LEADER_FOR_PARTITION, producer refreshed metadata and record {id} went through
L0 | Message {id} for {queue} bigger than the sender's plan allows, sender told to split it
H1@INFO | Receipts consumer acked {n} messages in {ms} ms and wrote 0 of them to {table}
""",
    "os": """
H1 | UPS {n2} ON BATT, MAINS LOST, RUNTIME {n} S
I0 | UPS {n2} ONLINE LOAD {pct}% BATT OK SELFTEST PASS
H1 | com.retail.agent.host.DiskWatcher - Failed to mount the backup volume {mount} on {host}. Caused by: java.io.IOException: device /dev/{dev} reports a bad superblock
C1 | host={host} fs={mount} dev={dev} state=SHUTDOWN reason=metadata_corruption
I0 | host={host} op=patch result=ok packages={n2} reboot_required=false
H1@INFO | host={host} op=backup_job exit=2 files_skipped={n}
M1 | host={host} mount={mount} used_pct={pct} trend=+{n2}%/day
M0@INFO | host={host} op=ntp_sync result=pending offset_ms={ms} attempt={try}
L0@ERROR | The user {user} has tried to connect with SSH from outside of the VPN, this is not permitted and the connection is closed
H1 | Has been impossible to renew the DHCP lease on lane {lane}, the till is without address since {n} minutes
I0 | Rebooted {host} for the kernel update, all services back, uptime counter happy again
H1@WARN | Whoa, {process} got OOM-killed again on {host}, systemd brought it back but that's {n2} times today
I0 | units_active={n} units_failed=0 load1={n2} mem_free_pct={pct} state=OK
C1@INFO | site={store} wan_primary=DOWN wan_backup=DOWN since={date} lanes_affected={n2}
H1 | POST /api/v1/devices/{host}/actions/reboot -> 504 in {ms}ms
I0 | GET /api/v1/devices?store={store} -> 200 in {ms}ms ({n2} devices)
I0@WARN | Fire alarm relay test on {host} ran the shutdown script in dry-run mode, nothing stopped
L0 | Password for {user} not changed: the new one matches one of the last {n2}
M1 | UPS battery in store {store} failed its runtime test, holds only {n2} minutes
I0 | Log cleanup on {host}: {n} files removed, 0 errors, no disk warnings left
M0 | Antivirus definitions on {host} are a day old, the update window is tonight
I0@ERROR | eth1 on {host} flapped once during the switch firmware upgrade, link stable since
L0@ERROR | KIOSK {n2} POLICY DENY EXEC {file} USR {user}
H1@INFO | Backup of {host} reported success every night since {date} while the archive stayed at {n2} KB
C1 | {n} files under {path} on {host} renamed to *.locked within a minute, share disconnected by the agent
""",
    "runtimes": """
H1 | FW {version} ASSERT FAIL {file}:{n} TASK SCAN RESTARTED
I0 | FW {version} BOOT OK HEAP {n}KB FREE, WDT ARMED
H1 | Exception in thread "{process}-worker-{n2}" java.lang.IllegalStateException: Connection pool shut down; Caused by: {klass}.{method} called after close
C1 | com.retail.platform.bootstrap.Main - Application {process} terminated during startup: required bean '{key}' could not be created, no instance serving
I0 | svc={process} op=startup result=ok config={file} dur_ms={ms}
H1@INFO | svc={process} op=task task={method} result=panic recovered=false msg="index out of range [{n2}] with length {n2}"
M1 | svc={process} heap_used_pct={pct} gc_pause_ms={ms} full_gcs_10m={n2}
M0@INFO | svc={process} op=call target={host} result=timeout retry={try}/{max}
L0@ERROR | The parameter 'qty' given by the user is not a number ("{key}"), it is ignored and the default 1 is used
H1 | Has been thrown an exception not expected in the method {method} of {klass}, the price of item {sku} is not calculated
I0 | Bumped {process} to Python {version}, tests pass, no warnings. Lovely.
H1@WARN | Meh, {method} swallowed a KeyError for '{key}' again and returned an empty basket, somebody should fix that
I0 | threads_live={n2} threads_blocked=0 exceptions_1m=0 restarts=0 state=RUNNING
C1@INFO | svc={process} exit=137 restarts={n2} state=CRASHLOOP replicas_ready=0
H1 | POST /v1/functions/{method}/invoke -> 500 in {ms}ms (Unhandled: RangeError: Invalid time value)
I0 | POST /v1/functions/{method}/invoke -> 200 in {ms}ms cold_start=false
I0@WARN | Caught KeyboardInterrupt in {method} during the scheduled restart, exiting cleanly
L0 | CFG WRN DUP KEY {key} LN {n}, LAST ONE USED
M1 | {process} leaks about {n2} MB per hour since {version}, restart needed within the day
I0 | Warm-up of {process} done: {n} classes loaded, 0 failures, nothing deferred
M0 | Pool for {host} exhausted for a moment, {n2} callers waiting while new connections open
I0@ERROR | Traceback printed for optional plugin {key} (not installed), core started without it
L0@ERROR | Request from {user} for report {method} refused: the date range ends before it starts
H1@INFO | Job {method} exited 0 after {ms} ms having processed {n2} of {n} records, the rest skipped silently
""",
}
