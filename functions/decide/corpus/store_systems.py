# Real log lines run past the line-length limit.
# ruff: noqa: E501
"""Store systems: training templates written on 2026-11-27 in the voices of store infrastructure
and retail vendor systems, one per line, grouped by domain.

A model trained on the hand-written corpus does much worse on lines written in voices it has not
read than in cross-validation, and each set written in other voices (field_voices.py,
documented_formats.py) helped. The corpus still lacks most of what a store's own machinery
prints: till software and store back office, POS data polling, self-checkout supervision,
forecourt controllers and tank gauges, cash recyclers and smart safes, electronic shelf labels,
RFID readers and handhelds, scales and label printers, order management and click-and-collect,
warehouse, replenishment and EDI/AS2; and the store's infrastructure: switch and router syslog,
SD-WAN and VPN tunnels, Wi-Fi controllers, firewalls, UPS and PDU alarms, refrigeration and HVAC
controllers, CCTV recorders, NTP, DHCP and DNS, directory and single sign-on logs, device
management for handhelds, batch and ETL schedulers, cloud load balancers and CDNs. Every line was
written here from what such systems' messages look like; none is copied from a public data set.

Network, power, refrigeration and building alarms are under "os"; batch and ETL schedulers under
"queues" (job runs) or "runtimes" (cron wrappers, services); e-commerce, order management, sign-on
and API gateways under "web". Same format and labels as templates.py:
`<severity><actionable>[@<level>] | <message>`, with the slots the corpus generator fills.
"""

STORE_SYSTEMS = {
    "pos": """
I0 | [RegisterController] WS{lane} state REGISTER_OPEN -> TENDER for trans {id}
I0 | TLOG poll of store {store} complete: {n} records, sequence {id} to {id2}, no gaps
I0 | SCO {n2}: attendant {user} cleared intervention UNEXPECTED_ITEM_BAGGING_AREA in {ms} ms
I0@WARN | SCO {n2} alert WEIGHT_MISMATCH resolved at the attendant station, trans {id} continued
I0 | FCC: pump {n2} authorised for prepay {amount}, nozzle {try} lifted, grade UNL95
I0 | FCC: pump {n2} fuelling {id} finalised, volume {n} cl, {amount} sent to lane {lane}
I0 | EOD close store {store} business date {date}: registers closed {n2}, open tills 0, suspended trans 0
I0@ERROR | WS{lane} lost store server heartbeat, went STANDALONE and replicated {n} trans after reconnect in {ms} ms
I0@DEBUG | ItemLookup {sku}: hit in local cache, price {amount}, deal group {code}
H1 | SCO {n2} security scale fault: load cell reading invalid, lane closed to customers
H1 | FCC: pump {n2} state ERROR, nozzle {try} blocked, pump cannot dispense
H1@INFO | TLOG poll of store {store} complete: {n} records, sequence gap {id} to {id2}, missing records not requested
H1 | WS{lane}: ReceiptNumberException duplicate receipt number {id} for {date}, trans parked under a temporary number
H1@WARN | Price batch {id} pushed to store {store}: {n2} registers answered NACK and keep yesterday's prices
H1 | CRM member service timeout ({ms} ms) on trans {id}: offer engine skipped, member discounts not given
H1 | ATG probe tank {n2}: communication lost, wet stock reconciliation for {date} incomplete
C1 | FCC {host} offline: all {n2} pumps at store {store} locked, no fuel can be sold
C1 | TLOG file {path} on the store server truncated to 0 bytes after a power loss, trans of {date} lost
L0@ERROR | SCO {n2}: age-restricted item {sku} refused by attendant {user}, no ID shown
L0 | FCC: prepay {id} refused, pump {n2} already reserved by lane {lane}
L0@WARN | WS{lane}: no-sale key pressed by {user} without a reason code, reason requested
M1 | TLOG poll of store {store} overdue: last good poll {n} minutes ago, {n2} attempts failed
M1@INFO | SCO {n2} bagging scale drift of {n2} g since calibration, false weight alerts rising
M1 | ATG tank {n2}: DELIVERY NEEDED, product volume down to {n} litres
M0 | WS{lane} waiting {ms} ms for the receipt sequence lock on the store server, will try again
M0@INFO | ATG poll for tank {n2} timed out, FCC uses the reading from {ts}
""",
    "payments": """
I0 | Recycler lane {lane}: deposit {id} accepted {amount}, notes {n2}, coins 0, rejects 0
I0 | Smart safe {n2} store {store}: bag {id} sealed with {amount}, CIT pickup signed by courier {user}
I0 | Cash office count for {date} equals expected {amount}, variance 0.00
I0@WARN | Recycler lane {lane}: unfit note returned to the customer, deposit {id} completed with other notes
I0 | EFT switch {host}: {n} authorisations last 5 min, avg {ms} ms, host timeouts 0
I0 | Token vault: card ending {card} tokenised for subscription {id}, PAN discarded after {ms} ms
I0@ERROR | Gift card activation {id} timed out at the processor, status inquiry says ACTIVE, no second activation sent
I0 | DCC offer for card ending {card} declined by the cardholder, sale {id} charged in local currency
I0@NOTICE | Acquirer key rollover for merchant {store} completed, new KEK check value {hex}
H1 | Recycler lane {lane}: note jam in transport module, cassette {n2} locked, change given by hand
H1 | Smart safe {n2} store {store}: validator status FAULT, deposits refused since {ts}
H1@INFO | Cash office count for {date}: safe holds {amount}, back office expects {amount2}, difference posted to suspense
H1 | EFT switch answered RC=Z3 for trans {id}: unable to go online, sale on lane {lane} not authorised
H1@WARN | Gift card redemption {id} debited {amount} at the processor but sale {id2} was voided, no reversal sent
H1 | Acquirer reject report for the clearing file of {date}: trailer says {n2} records, file carries {n}
H1 | Recycler lane {lane} status DEV=INOP CASSETTES=LOCKED SHUTTER=FAULT
C1 | Payment gateway {host} client certificate expired at {ts}: card authorisations in every store fail the TLS handshake
C1@WARN | Smart safe {n2} store {store}: door opened outside schedule without a valid user code, tamper alarm raised
L0@ERROR | Recycler lane {lane}: note suspected counterfeit and retained, customer asked for another tender
L0 | Gift card {card}: activate request answered ALREADY_ACTIVE, nothing charged
L0 | Cashback request of {amount} on trans {id} refused: above the store cashback limit
M1 | Recycler lane {lane}: cassette {n2} at {pct}% capacity, float pickup needed before the evening peak
M1@INFO | Smart safe {n2} store {store}: no CIT collection since {date}, insured limit at {pct}%
M0 | EFT switch link to acquirer {host} down, floor-limit sales taken offline, reconnect attempt {try}
M0@INFO | Recycler lane {lane} busy counting, deposit {id} held for {ms} ms
""",
    "inventory": """
I0 | ESL base station {n2} store {store}: {n} label updates acknowledged, 0 pending, link quality {pct}%
I0 | ESL {hex} bound to item {sku} by {user}, page 1 rendered
I0 | RFID portal dock {n2} store {store}: shipment {id} read {n} tags, every expected carton seen
I0@WARN | ESL {hex} battery low alarm cleared after label swap on aisle {n2}
I0 | Handheld TC-{n2} app {version} logged in by {user}, task list: {n} gap scan items
I0 | Forecast run for {date} finished: {n} store-item orders proposed, exceptions 0
I0 | WMS wave {id} released: {n} picks, {n2} pickers assigned
I0@ERROR | ESL update for item {sku} not acknowledged, base station resent and label confirmed on attempt {try}
I0 | EDI 810 invoice {id} from {supplier} matched PO {id2} and receipt, three-way match OK
H1 | ESL {hex} on aisle {n2} silent for {n} minutes, shelf still shows old price {amount}
H1 | RFID reader {ip} antenna port {n2}: reflected power too high, port disabled
H1@INFO | ESL price sync store {store}: {n} labels show a price different from the POS price file
H1 | WMS pick confirmation for wave {id} rejected: location {n2}-{n} has negative stock, picker {user} blocked
H1 | EDI 850 for PO {id} to {supplier} failed translation: N1 segment lacks ship-to GLN for store {store}
H1@WARN | Handheld TC-{n2} sync: {n} stock adjustments uploaded, {n2} rejected SKU_UNKNOWN, user not told
H1 | Replenishment orders for {date} not sent to {supplier}: AS2 endpoint answered HTTP 401 every time
C1 | WMS {host}: reconciliation overwrote on-hand of {n} SKUs with zeros, replenishment ordering from wrong stock
C1@WARN | RFID item history for store {store} wiped during upgrade {version}, tag-to-item links since {date} lost
L0 | Handheld TC-{n2}: receipt of carton {id} refused, carton addressed to store {store2}
L0@ERROR | ESL bind refused for {hex}: label already bound to item {sku}
L0@WARN | Gap scan by {user}: item {sku} not ranged in store {store}, no order raised
L0@ERROR | EDI 855 from {supplier} for PO {id}: line {n2} rejected by supplier, item discontinued
M1 | ESL base station {n2} store {store}: {n} label updates queued for more than {n2} hours
M1@INFO | RFID cycle count store {store} floor zone {n2}: read rate {pct}%, under target
M0 | Handheld TC-{n2} offline in the stockroom, {n} scans cached on the device until Wi-Fi returns
M0@INFO | WMS replenishment task {id} waiting for forklift release, {n2} minutes in queue
""",
    "printers": """
I0 | Scale {n2} deli counter: label printed for PLU {n}, net {amount} kg, price {amount2}
I0 | ZPL job {id} sent to {printer} at {ip}:9100, {n} labels, host status paper out=0 pause=0
I0 | Store {store} SEL spool: {n} tickets of batch {id} handed to {printer}, none skipped
I0@WARN | {printer}: PAPER OUT condition cleared, roll replaced by {user}
I0 | Receipt printer lane {lane} fw {version}: cutter OK, head temp normal, paper near end NO
I0@ERROR | Print server {host}: spooler restarted by the watchdog, {n2} held jobs resumed and printed
I0 | Scale {n2} label format {file} downloaded from back office, {n} PLUs updated
I0@DEBUG | Spooler: job {id} for {printer} deleted after printing, {n} bytes
I0 | RFID encode on {printer}: {n} tags written, 0 voided
H1 | RFID encode on {printer}: {n2} tags voided in a row, encoder calibration lost, printing stopped
H1 | Scale {n2} deli counter printer head open, weighed items cannot be labelled
H1@INFO | Store {store} SEL spool: batch {id} carried last week's promotion prices on {n} tickets
H1 | Print Spooler service on {host} terminated unexpectedly {n2} times today, dispatch labels piling up
H1 | Receipt printer lane {lane} ASB status 0x{hex2}: unrecoverable error, autocutter position
H1@WARN | {printer} reports pause flag set for {n} minutes, {n2} click-and-collect labels not printed
H1 | Scale {n2} sync failed: PLU file {file} rejected with checksum mismatch, scale keeps old prices
C1 | Scales in store {store}: PLU database erased by firmware {version} rollout, no weighed goods can be sold at any counter
C1@WARN | Every receipt printer in store {store} reports OFFLINE after driver push {version}, no sale can be finished
L0 | Label request by {user} for item {sku} refused: no price valid for today
L0@ERROR | Scale {n2}: label with weight under minimum load refused, operator {user}
L0@WARN | Reprint of delivery note {id} by {user} refused, already printed {n2} times
M1 | {printer} printhead test: {n2} dots out of range, barcodes may stop scanning
M1@INFO | Label stock for {printer} {pct}% used, {n} labels left before the next delivery
M0 | {printer} calibrating media, job {id} held for {ms} ms
M0@INFO | Scale {n2} waiting for a stable weight, label print delayed {ms} ms
""",
    "web": """
I0 | https {ts} app/shop-alb/{hex} {ip}:{port} {ip}:{port} 0.001 0.0{n2} 0.000 200 200 {n} {n} "GET https://{host}:443/api/{resource} HTTP/2.0"
I0 | CDN pop {region}: cache hit ratio {pct}% for /static/* over the last hour
I0 | Order {id} status RELEASED -> PICKING for click-and-collect in store {store}
I0 | Click-and-collect order {id} collected, locker {n2} opened with code, ready in {n2} min
I0 | API gateway: route /loyalty/{resource} deployed with rate limit {n} rpm on stage prod
I0@WARN | WAF rule {n} in count mode matched {n2} requests from {ip}, nothing blocked (rule under test)
I0 | Okta eventType=user.session.start actor={user} client.ip={ip} outcome.result=SUCCESS factor=push
I0@ERROR | API gateway: upstream {host} gave 502 on the first try, retry on {host2} answered 200 in {ms} ms
I0 | CRM webhook member.updated for member {id} delivered, HTTP 204
H1 | ALB target group tg-checkout: target {ip}:{port} deregistered, health check answered 500
H1@INFO | Order {id} in status ALLOCATED for {n} minutes: store {store} never acknowledged the pick list
H1 | OMS fulfilment request for order {id} rejected by store {store}: INVALID_SKU_MAPPING {sku}
H1@WARN | CDN origin fetch for /product/{sku} answered 5xx {n} times in 10 minutes, stale copies expired
H1 | CRM webhook member.points for member {id} failed with HTTP 500 after {max} attempts, dropped
H1 | Click-and-collect SMS for order {id} came back with provider status undelivered
H1 | GraphQL resolver {method} failed on products(sku: "{sku}"): Cannot return null for non-nullable field Product.price
C1@WARN | API gateway: payment provider answers 401 to every call since the key rotation at {ts}, no web order can be paid
C1 | CDN: origin {host} unreachable from every pop, shop front shows the maintenance page to all visitors
C1@INFO | OMS order import from the web shop stalled since {ts}, {n} paid orders not created for any store
L0 | Okta eventType=user.session.start actor={user} client.ip={ip} outcome.result=FAILURE reason=INVALID_CREDENTIALS
L0@ERROR | Checkout {uuid}: delivery slot {ts} already full, customer asked to pick another
L0@WARN | Click-and-collect order {id} not picked up within {n2} days, cancelled and refunded per policy
L0 | API gateway: client {user} over its plan quota by {n} calls, answered 429
M1 | OMS release queue for store {store} holds {n} orders, oldest {n2} hours old
M1@INFO | TLS certificate for {host} on the load balancer expires in {n2} days, auto-renew switched off
M0 | Search API p95 {ms} ms over its SLO while the index rebuild runs, rebuild due to end at {ts}
M0@INFO | Payment webhook for order {id} not received after {n2} min, order kept PAYMENT_PENDING and polled
""",
    "database": """
I0 | Availability group AG_STORE replica {host} state SYNCHRONIZED, redo queue 0 KB
I0 | Data Guard standby {host2} applied archived log sequence {n}, apply lag 0 seconds
I0 | Replication queue on register {lane}: {n} records sent to the store server, 0 pending
I0@WARN | Maintenance plan reorganised IX_{table}_sku, fragmentation down from {pct}% to 3%
I0 | Full backup of STOREDB to {path} done: {n} MB, RESTORE VERIFYONLY succeeded
I0@ERROR | ORA-03113 end-of-file on communication channel during planned switchover, session reconnected to new primary {host}
I0 | Purge on {host}: {n} rows older than 400 days removed from {table}, as scheduled
I0@DEBUG | checkpoint complete: {n} buffers written (0.{n2}%); 0 WAL file(s) added, 1 removed, 1 recycled
I0 | Local DB of register {lane} rebuilt from store server snapshot {date}, {n2} tables verified
H1 | Availability group AG_STORE replica {host} state NOT SYNCHRONIZING, log send queue {n} KB
H1 | Replication queue on register {lane}: {n} records pending since {date}, last error primary key violation in {table}
H1@INFO | Job PurgeOldTlog completed: {n} rows deleted, {n2} rows failed the FK check and stay behind
H1 | ORA-00060: deadlock detected while waiting for resource, price update batch {id} rolled back and not resubmitted
H1 | Tablespace STORE_DATA cannot grow: datafile {path} at its max size, inserts into {table} fail with ORA-01653
H1@WARN | Log shipping restore on {host2}: last restore {n} minutes ago, over the alert threshold
H1 | SQLite on handheld TC-{n2}: database is locked, stock count {id} not saved
C1 | Data Guard primary {host} lost, standby {host2} missing {n} archived logs, failover would lose sales of {date}
C1@INFO | CHECKDB on STOREDB found {n2} allocation errors and {n} consistency errors in table {table}
L0@ERROR | ORA-01017: invalid username/password; logon denied for {user} from the report tool
L0 | Resource governor killed the report session of {user} on {table} at the {ms} ms limit, as configured
L0@ERROR | Insert into {table} rejected: loyalty number {card} already belongs to a member
M1 | AG_STORE redo queue on {host2} at {n} MB and growing, secondary {n2} minutes behind
M1@INFO | Transaction log of STOREDB {pct}% used, last log backup {n2} hours ago
M0 | Data Guard apply lag {n2} minutes during the nightly batch load, catching up
M0@INFO | Local DB vacuum on register {lane} in progress, replication paused for {ms} ms
""",
    "queues": """
I0 | Marking task as SUCCESS. dag_id=store_sales_daily, task_id=load_{table}, execution_date={ts}
I0 | CTM job STR_EOD_{store} ENDED OK, run {n2}, elapsed {ms} ms
I0 | Package LoadSales.dtsx finished: DTSER_SUCCESS (0), {n} rows written to {table}
I0 | Channel STORE{store}.TO.HQ RUNNING, {n} messages sent, transmission queue depth 0
I0@WARN | dag store_sales_daily task load_{table}: try 1 failed with ConnectionResetError, try 2 SUCCESS
I0 | EDI translator inbound batch {id} from {supplier}: {n2} documents, 0 errors, 0 warnings
I0 | Store poll window opened for {n} stores, {n2} parallel slots
I0@ERROR | CTM job HQ_PRICE_EXPORT ENDED NOTOK on run 1 (rc=12), rerun {try} ENDED OK
I0 | Queue manager QM_STORE{store} started, {n2} channels running
H1 | Marking task as FAILED. dag_id=replenishment_orders, task_id=send_{queue}, try {max} of {max}
H1@INFO | CTM job STR_EOD_{store} ENDED NOTOK rc={n2}, no rerun defined
H1 | Package LoadSales.dtsx failed: DTS_E_OLEDBERROR, {n} rows redirected to the error output for {table}
H1 | Message {id} put to the dead-letter queue with reason MQRC_Q_FULL, destination {queue}
H1@WARN | Store poll finished: {n2} stores not polled, their sales missing from head-office reporting
H1 | EDI translator: 856 from {supplier} failed map SHIP_NOTICE_IN at segment {n2}, document {id} in the error queue
H1@INFO | DAG run store_sales_daily {ts} success, task load_{table} skipped after the upstream sensor timed out
C1 | Queue manager QM_HQ ended unexpectedly: log full, every store-to-head-office channel stopped
C1@WARN | Package LoadSales.dtsx truncated {table} and failed before the reload, sales history for {date} empty
L0 | Manual trigger of dag price_export by {user} refused: DAG is paused
L0@ERROR | CTM order of job HQ_STOCK_RECALC by {user} rejected, user not authorised for folder RETAIL_FIN
L0@WARN | EDI translator: interchange control number {id} from {supplier} seen before, document ignored
M1 | CTM job STR_EOD_{store} still executing after {n} minutes, usual runtime {n2} minutes
M1@INFO | Transmission queue to store {store} depth {n}, {pct}% of max depth
M0 | Channel STORE{store}.TO.HQ RETRYING, short retry {try} of 10, store link down
M0@INFO | Sensor wait_for_pos_files poking for {path}, poke {n2} of {max}, files not arrived yet
""",
    "os": """
I0 | %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1/0/{n2}, changed state to up
I0 | %SYS-5-CONFIG_I: Configured from console by {user2} on vty0 ({ip})
I0 | SD-WAN store {store}: tunnel to hub {host} established over MPLS, latency {ms} ms, loss 0%
I0@WARN | UPS {n2}: on battery for {n2} s during a utility dip, back on mains, battery OK
I0@WARN | Rack controller: HIGH TEMP alarm case {n2} cleared, case at 3.1 C after defrost
I0 | dhcpd: DHCPACK on {ip} to handheld {hex} via vlan {n2}
I0 | Security-Auditing 4624: An account was successfully logged on. Account Name: {user} Logon Type: 10 Source Network Address: {ip}
I0 | MDM: device TC-{n2} store {store} compliant, OS {version}, last check-in {ts}
I0@ERROR | FortiGate: IPsec phase2 for tunnel store{store}-hq renegotiated after DPD timeout, tunnel up again in {ms} ms
H1 | %LINK-3-UPDOWN: Interface GigabitEthernet1/0/{n2}, changed state to down
H1 | %ILPOWER-3-CONTROLLER_PORT_ERR: Controller port error, Interface Gi1/0/{n2}: Power Controller reports power Imax error detected
H1 | WLC: AP store{store}-ap{n2} disassociated, reason heartbeat lost, handhelds in zone {n2} without coverage
H1@CRITICAL | PDU {n2} outlet {try} overcurrent trip, back office access switch in store {store} powered off
H1 | Rack controller: suction pressure alarm on rack A, compressor {n2} locked out
H1@WARN | NVR {host}: camera {n2} video loss for {n} minutes, tills on lane {lane} not recorded
H1 | dhcpd: DHCPDISCOVER from {hex} via vlan {n2}: network {ip}/24: no free leases
H1@INFO | MDM: device TC-{n2} store {store} non-compliant, OS {version} under the minimum, store apps blocked
H1 | named: zone shop.internal/IN: refresh: failure trying master {ip}#53: timed out
C1 | Rack controller: refrigerant leak detector {n2} at {n} ppm in the plant room, rack shut down
C1@WARN | FortiGate: admin login {user2} from {ip} outside the change window, policy ANY-ANY accept added to store {store}
C1 | UPS {n2} store {store}: battery exhausted, load shed, store server and comms rack powered off
C1@NOTICE | SD-WAN store {store}: all tunnels down (MPLS, broadband, LTE), store isolated since {ts}
L0 | Security-Auditing 4625: An account failed to log on. Account Name: {user} Failure Reason: Unknown user name or bad password.
L0@ERROR | Security-Auditing 4740: A user account was locked out. Account Name: {user} Caller Computer Name: STORE{store}-BO
L0@WARN | FortiGate webfilter: {user} at {ip} blocked, category Games, action blocked
L0 | WLC: client {hex} failed 802.1X on SSID STORE-HHT with wrong credentials, rejected
M1 | SD-WAN store {store}: MPLS down, traffic on LTE backup for {n} minutes, data cap {pct}% used
M1@INFO | Rack controller: frozen case {n2} discharge air above setpoint for {n2} minutes, trending up
M1 | PDU {n2} bank B draw at {pct}% of breaker rating, one more device on it will trip it
M1 | NVR {host}: retention fell to {n2} days, under the 30-day policy, disk {pct}% used
M0@NOTICE | %DUAL-5-NBRCHANGE: EIGRP-IPv4 100: Neighbor {ip} (Tunnel{n2}) is down: holding time expired
M0 | ntpd: time offset {ms} ms to peer {ip}, slewing the clock, peer reachable
""",
    "runtimes": """
I0 | cron-wrapper job=price_import exit=0 duration={ms}ms stdout_lines={n} stderr_lines=0
I0 | Service Control Manager 7045: A service was installed in the system. Service Name: StoreSync Agent {version}, start type auto
I0 | WildFly Full {version} started in {ms}ms - Started {n} services
I0@WARN | [gc,start] GC({n}) Pause Young (G1 Evacuation Pause), allocation failure handled, {ms}ms
I0 | Handheld app {version} on TC-{n2}: crash reporter uploaded 0 crashes for the last 24 h
I0@ERROR | cron-wrapper job=tlog_upload attempt=1 exit=75 (EX_TEMPFAIL), attempt={try} exit=0
I0 | Kiosk app {version} watchdog: heartbeat OK, memory {n} MB, uptime {n2} days
I0 | Task Scheduler: task \\Store\\NightlyReindex completed, last run result 0x0
I0@DEBUG | Feature flag new_receipt_layout evaluated false for store {store}, default used
H1 | cron-wrapper job=price_import exit=1 duration={ms}ms stderr="{file}: unexpected end of file"
H1 | EventID=7034 Source=Service Control Manager: StoreSync stopped without warning for the {n2}th time today, recovery action none
H1@INFO | Task Scheduler: task \\Store\\NightlyReindex completed, last run result 0x80070002
H1 | Application Error 1000: Faulting application name: PosClient.exe, version {version}, faulting module name: ntdll.dll, exception code 0xc0000374
H1 | Handheld app {version} on TC-{n2}: FATAL EXCEPTION: main java.lang.IllegalStateException at {klass}.{method}
H1@WARN | java.lang.OutOfMemoryError: Metaspace in thread {process}-scheduler on {host}, scheduled jobs no longer run
H1 | Kiosk app {version}: renderer process gone (reason=crashed, exit_code={n2}), kiosk {n2} shows a blank screen
C1 | WildFly on store server {host}: deployment store-app {version} failed, no service started, registers of store {store} cannot sign on
C1@INFO | cron-wrapper job=tlog_archive removed {n} journal files before the upload finished (cleanup ran on the exit=1 path)
L0 | cron-wrapper job=price_import skipped: lock file {path} held by pid {n}, previous run still active
L0@ERROR | Kiosk app {version}: loyalty number {card} keyed wrong three times, keypad reset for the customer
L0@ERROR | Flag service refused update by {user}: new_receipt_layout is locked for peak season
M1 | JVM on {host}: old gen {pct}% after full GC, {n2} full GCs in 10 minutes
M1@INFO | Handheld app {version}: {n} app-not-responding reports from store {store} devices today
M0 | Service Control Manager 7031: StoreSync ended abruptly, corrective action restart in 60000 milliseconds, attempt {try}
M0@INFO | cron-wrapper job=tlog_upload exit=75 (EX_TEMPFAIL), rerun in {n2} minutes
""",
}
