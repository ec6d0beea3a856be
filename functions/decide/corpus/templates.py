# Real log lines run past the line-length limit; the retired held-out templates are kept as
# written.
# ruff: noqa: E501
"""The message templates of the corpus, written for StackLens, one per line, grouped by domain.

A line reads `<severity><actionable>[@<level>] | <message with {slots}>`: severity C, H, M, L
or I (CRITICAL, HIGH, MEDIUM, LOW, INFO = not an error), actionable 1 or 0, and an optional
level the line is logged at when it differs from what its severity suggests (the hard cases:
errors logged at INFO, alarming words at INFO, recovered retries logged as errors).
"""

TEMPLATES = {
    "pos": """
H1@INFO | Loyalty export job exited with code {try}, {n} members not sent
H1@INFO | Receipt upload for store {store} returned HTTP 500, {n} receipts kept locally
L0@ERROR | Cashier {user} scanned gift card {card} twice, second scan refused
L0@ERROR | Quantity {n} rejected for item {sku}: above the per-basket limit
I0@ERROR | Back office unreachable for {ms} ms, sale {id} queued and sent on reconnect
M0 | Lane {lane} idle for {n} minutes during opening hours
I0 | Task {method} started for store {store}
I0 | Task {method} finished in {ms} ms, status OK
I0 | Session {hex} opened for terminal {terminal} on lane {lane}
I0 | Session {hex} closed after {n} s
I0 | Loaded {n} products from {path}
I0 | Heartbeat from lane {lane}: status online, queue {n2}
H1 | Barcode scanner on {com} not responding, scanning disabled
H1 | Customer display disconnected, lane {lane} cannot show totals
H1 | Scale calibration invalid: weight reading out of range on lane {lane}
H1 | Cash drawer failed to open on lane {lane}: device not found
M1 | Scanner on lane {lane} reported {n} misreads in the last hour
L0 | Scale on lane {lane} tared with item on platter, cashier re-weighed
I0 | Barcode scanner connected on {com}
I0 | Cash drawer opened on lane {lane} for sale {id}
I0@ERROR | Scanner on {com} reset after read error, scanning resumed
H1 | Pricing error: missing price for product {id} in store {store}
H1 | Price lookup failed for item {sku}: price table not loaded
H1 | Promotion engine crashed while evaluating basket {id}: KeyError '{key}'
H1 | Tax calculation failed for basket {id}: no tax rule for region {region}
C1 | Transaction {id} failed: could not write journal file {path}
H1 | Failed to post sale {id} to back office: connection refused
H1 | Back office sync failed after {max} attempts, {n} sales waiting upload
H1 | Till balance mismatch on close: expected {amount} counted {amount2}
C1 | POS application crashed: fatal signal 11 (SIGSEGV) in libposcore.so
C1 | Till database is corrupt: database disk image is malformed ({path})
C1 | Cannot start till on lane {lane}: license file expired
H1 | End of day report failed: division by zero in totals for store {store}
H1@INFO | Sale {id} saved without receipt number: sequence generator returned null
H1@INFO | Loyalty points not credited for member {id}: service answered 500
H1 | Void of transaction {id} could not be completed, basket left locked
H1 | Cashier {user} cannot log in on lane {lane}: user table unreadable
C1 | All lanes in store {store} offline: store server unreachable for {n} s
H1 | Gift card {card} redemption failed: balance service timed out after {ms} ms
H1 | Refund {id} rejected by back office: schema validation failed on field '{key}'
M1 | Price file for store {store} is {n} hours old, nightly update did not arrive
M1 | Electronic journal on lane {lane} at {pct}% of its quota
M0 | Cashier {user} entered a wrong PIN {try} times, account locked for 5 minutes
L0 | Item {sku} not found in catalogue, cashier asked to key price manually
L0 | Customer cancelled basket {id} with {n} items
L0@ERROR | Coupon {code} rejected: expired on {date}
L0@ERROR | Age verification declined for item {sku} on lane {lane}
I0 | Sale {id} completed on lane {lane}: total {amount}, {n} items
I0 | Cashier {user} logged in on lane {lane}
I0 | Basket {id} total recalculated after discount
I0 | Lane {lane} opened by {user} with float {amount}
I0 | End of day report for store {store} generated: {n} transactions, 0 errors
I0 | Promotion {code} applied to basket {id}: saved {amount}
I0 | Price update applied: {n} items changed, 0 failures
I0@WARN | Error log rotated for lane {lane}, new file {path}
I0 | Training mode enabled on lane {lane} by supervisor {user}
I0 | Receipt reprint requested for sale {id}
I0 | Suspended basket {id} resumed on lane {lane}
L0@WARN | Basket {id} suspended by cashier after customer left
I0@ERROR | Retry {try}/{max} posting sale {id} to back office succeeded
H1@INFO | Receipt journal for lane {lane} could not be closed: file handle already released
H1 | Loyalty card lookup failed for member {id}: NullPointerException in {klass}.{method}
H1 | Barcode {sku} maps to two products after catalogue import, lane {lane} blocked the sale
H1 | Cannot apply discount {code} to basket {id}: IllegalStateException basket already tendered
C1 | Store server {host} lost its journal volume, sales since {date} not archived
H1 | Scale on lane {lane} returned checksum error, weighed items cannot be sold
H1 | Self-checkout kiosk {n2} stuck in maintenance mode after update to {version}
H1 | Customer order {id} could not be saved: disk quota exceeded on {mount}
H1@INFO | Price sync job for store {store} completed with {n} rejected rows
H1@WARN | Unable to load promotions for store {store}, basket prices shown without discounts
M1 | Self-checkout kiosk {n2} needed assistance {n} times in the last hour
M1 | Till {lane} clock is {n} s ahead of the store server
L0@ERROR | Cashier {user} tried to void a sale from a closed shift, refused
L0@ERROR | Manager override denied for {user}: not a supervisor
L0@WARN | Item {sku} weighed {amount} kg, above the expected weight, cashier confirmed
L0 | Coupon {code} not applicable to basket {id}: minimum spend not reached
L0@ERROR | Gift card {card} has no balance left, customer informed
I0@ERROR | First price lookup timed out, cached price used and confirmed {ms} ms later
I0@WARN | Receipt upload delayed by {ms} ms, sent on the next attempt
I0@ERROR | Lane {lane} lost network for {n} s, all sales replayed after reconnect
I0 | No errors found in end of day reconciliation for store {store}
I0 | Error counters reset for lane {lane} at shift change
I0 | Cashier {user} opened the failed transactions report
I0 | Exception list for promotions reloaded: {n} items excluded
I0@DEBUG | Evaluating rule {code}: condition failed, rule skipped
I0 | Self-checkout kiosk {n2} back in service after cleaning
I0 | Sale {id} refunded by {user}: {amount}
I0 | Shift {id} closed by {user} with {n} transactions
I0 | Customer display on lane {lane} shows welcome screen
I0 | Lane {lane} switched to offline mode by supervisor for a planned network change

H1@INFO | Sales export for store {store} produced an empty file, head office received nothing
H1 | Lane {lane} prints receipts with the wrong store address after config push {version}
H1@DEBUG | Basket {id} total differs from sum of lines by {amount}
I0@WARN | Scanner on lane {lane} dropped one read, item scanned again by cashier
I0 | Alarm test of store {store} completed, all sensors reported
I0 | Fatal error screen removed from kiosk theme {version}
H1@INFO | Journal replay for lane {lane} stopped at entry {id}: checksum mismatch
H1 | Tender type 'voucher' missing from configuration, vouchers cannot be accepted on lane {lane}
H1 | Opening float for lane {lane} not recorded: drawer service answered nothing
C1 | Store {store} cannot sell: product catalogue failed to load on every lane
M1 | Lane {lane} rejected {n} scans of the same barcode in an hour, label may be damaged
M0 | Lane {lane} used offline prices for {n} s while the price service restarted
L0@ERROR | Cashier {user} keyed an unknown PLU {n}, asked to scan instead
L0@WARN | Customer asked for a paper receipt after e-receipt failed to match an e-mail, printed
I0@ERROR | Receipt {id} e-mail bounced once, resent to the corrected address
I0@WARN | Lane {lane} slow to open the drawer ({ms} ms), drawer opened
I0 | Customer feedback for lane {lane}: no issues reported
I0 | Cashier {user} completed training on error handling
I0 | Lane {lane} display brightness set to {pct}%

I0 | Till {lane} boot: config {file} is valid, {n} keys read
I0 | Cashier session 0x{hex} started for {user} on lane {lane}
I0 | Cashier session 0x{hex} ended for {user} with {n} sales
I0 | Temporary basket file {path} removed after sale {id} was posted
I0 | Receipt template {file} is up to date with version {version}
I0 | Lane {lane} counters: sales = {n}, voids = {n2}, refunds = 0, no sales = {n2}
I0 | Using tax table {region} for store {store}
I0 | Rounding mode for cash payments is HALF_UP
I0 | Lane {lane} state changed from IDLE to SELLING
I0 | Lane {lane} state changed from SELLING to CLOSED
I0 | Journal file {path} is {n} KB, next rotation at 10 MB
I0 | Price cache for store {store} refreshed with {n} entries, checksum 0x{hex}
I0 | Opened journal {path} for append with a buffer of {n} KB
I0 | Customer display timeout is {n} s on lane {lane}
I0 | Lane {lane} handed over from {user} with float {amount}
I0 | Scanner {com} set to continuous mode for lane {lane}
M0@WARN | Back office did not acknowledge sale {id}, will resend in {n} s
M0@WARN | Could not reach loyalty service for member {id}, points will be credited later
L0@WARN | Failed to fetch promotions for store {store}, retrying in {n} s with the cached list
H1 | Error contacting price service from lane {lane}
H1 | ERROR WRITING SALE {id} TO JOURNAL
H1 | Unexpected exception in checkout flow on lane {lane}, sale {id} abandoned
C1 | Till application shutting down after an unrecoverable journal error on lane {lane}
H1 | posd: cannot open {com}: no such device
H1 | Sale {id} lost: journal write returned EIO
H1@INFO | STATUS=FAILED for end of day export of store {store}
C1 | FATAL: till core service exited, lane {lane} cannot sell
I0 | Price for item {sku} not in lane cache, fetched from store server in {ms} ms
I0 | Startup setting: store_id={store} lane={lane} offline_mode=false
H1 | Assertion failed in basket total: lines {n} != items {n2} for basket {id}
C1 | posd killed by signal 9 on lane {lane}, till restarted with an empty basket
L0@WARN | Lane {lane} interrupted a sale for a price check, sale resumed
I0 | Void reasons list has {n2} entries, 0 unused
I0@WARN | Cashier {user} session expired after {n} minutes idle, logged out as configured
H1 | Journal checksum mismatch on lane {lane} after restart, sales since {date} unverified
""",
    "payments": """
H1@INFO | Payout report for {date} ended with status FAILED
H1 | Acquirer answered 500 to capture of order {id}, payment left uncaptured
L0@ERROR | Customer PIN entry timed out on terminal {terminal}, payment restarted
L0@ERROR | Invalid card number entered manually on lane {lane}
I0@WARN | Authorization for order {id} took {ms} ms, fell back to secondary acquirer and approved
M1 | Terminal {terminal} paper for card slips running low
H1 | Payment authorization failed for order {id}: gateway returned HTTP 502
H1 | Payment terminal {terminal} disconnected during authorization of {amount}
C1 | Payment service down: all {n} authorization attempts in the last minute failed
H1 | Capture of payment {uuid} failed: idempotency key conflict
H1 | Settlement file for {date} rejected by acquirer: invalid record count
H1 | Refund {id} failed: gateway answered 'invalid merchant credentials'
C1 | Payment HSM not reachable at {ip}:{port}, card payments disabled
H1 | EMV kernel error on terminal {terminal}: unexpected response 6A82
H1@INFO | Payment {uuid} marked pending forever: callback never arrived
H1 | Double charge detected for order {id}: two captures of {amount}
M1 | Payment gateway latency p95 {ms} ms over the last 5 minutes
M1 | Terminal {terminal} certificate expires in {n} days
M1 | Offline payment queue holds {n} transactions awaiting upload
H1 | Tokenization service returned malformed token for card ending {card}
C1 | Card payments failing in store {store}: TLS handshake with acquirer failed
L0@ERROR | Card ending {card} declined by issuer: insufficient funds
L0@ERROR | Card ending {card} declined: do not honour (code 05)
L0 | Contactless limit exceeded for card ending {card}, PIN requested
L0@ERROR | Customer cancelled payment on terminal {terminal}
L0@WARN | Card ending {card} expired, customer paid another way
I0 | Payment {uuid} authorized: {amount} on card ending {card}
I0 | Refund {id} processed: {amount} returned to card ending {card}
I0 | Terminal {terminal} connected, firmware {version}
I0 | Settlement batch {id} closed: {n} transactions, total {amount}
I0@ERROR | Payment gateway timeout on attempt {try}, retry succeeded in {ms} ms
I0@WARN | Connection to acquirer reset, reconnected on retry {try}
I0 | Fraud check passed for order {id} (score {pct})
I0 | Failed payment count reset at start of day for store {store}
I0 | Payment method 'cash' selected for order {id}
L0 | 3-D Secure challenge abandoned by customer for order {id}
I0 | Declined transactions today: {n} (within normal range)
M0 | Terminal {terminal} battery at {pct}%, please charge
H1 | Payment {uuid} captured twice: NullPointerException in reconciliation, refund not issued
H1@INFO | Chargeback file for {date} imported with {n} unreadable records
H1 | Terminal {terminal} rejects every card: key injection missing after replacement
H1 | Payment callback handler failed: signature verification error for merchant {store}
C1 | Acquirer connection pool exhausted, every card payment in store {store} is failing
H1@WARN | Settlement for store {store} not sent: acquirer SFTP login failed
H1 | Tip adjustment on payment {uuid} lost: terminal answered an unknown response code
M1 | Card decline rate at {pct}% in store {store}, three times the usual rate
M1 | Terminal {terminal} has not sent a heartbeat for {n} minutes
L0@ERROR | Customer entered wrong PIN on terminal {terminal}, card declined by issuer
L0@ERROR | Payment {uuid} declined: card reported lost (code 41)
L0@WARN | Customer removed card too early on terminal {terminal}, payment restarted
L0 | Voucher {code} refused: already redeemed on {date}
I0@ERROR | Authorization request {id} timed out, reversal sent and payment retried successfully
I0@WARN | Terminal {terminal} lost connection for {ms} ms, transaction completed after reconnect
I0@ERROR | Acquirer answered 503, secondary acquirer approved payment {uuid}
I0 | Failed authorizations report for {date} sent to finance
I0 | Payment error codes table updated to version {version}
I0 | Refund {id} approved by supervisor {user}
I0 | Terminal {terminal} completed key exchange with acquirer
I0 | Payment {uuid} settled in batch {id}
I0@DEBUG | Exception mapping loaded for acquirer responses: {n} codes

H1@INFO | Refund {id} status: failed, amount {amount} still owed to the customer
H1@DEBUG | Payment {uuid} left in state AUTHORIZING for {n} minutes
I0@WARN | Payment {uuid} needed two attempts, approved on the second
I0 | Critical payment patch {version} installed on terminal {terminal}
H1@INFO | Reconciliation of store {store} for {date}: {amount} missing between tills and acquirer
H1 | Terminal {terminal} firmware update failed, terminal stuck in bootloader
C1 | Every contactless payment in store {store} is declined with code Z3 since {date}
M1 | Authorization time on terminal {terminal} above {ms} ms for {n} payments
L0@ERROR | Payment {uuid} declined: card not supported by the merchant
L0@WARN | Customer chose to split payment {id}, first card declined, second approved
I0@ERROR | Acquirer session expired, new session opened and payment {uuid} approved
I0 | Terminal {terminal} rebooted at night as scheduled
I0 | Declines by reason report for {date} generated

I0 | Terminal {terminal} session 0x{hex} opened with acquirer, keep-alive {n} s
I0 | Acquirer routing table is {file}, {n} BIN ranges loaded
I0 | Settlement file {path} written for {date} with {n} records
I0 | Batch counters for terminal {terminal}: approved = {n}, declined = {n2}, reversed = 0
I0 | Payment {uuid} state changed from AUTHORIZED to CAPTURED
I0 | Currency of store {store} uses {n2} decimal places
I0 | Timeout for authorization requests is {ms} ms
I0 | Terminal {terminal} parameters downloaded: {n} records, checksum 0x{hex}
I0 | Key check value for terminal {terminal} is {hex}
I0 | Deleting expired card tokens older than {n} days: {n2} removed
M0@WARN | Capture of payment {uuid} failed with a timeout, will retry in {n} s
L0@WARN | Acquirer busy for order {id}, retrying authorization in {ms} ms
M0@WARN | Settlement upload for {date} failed, next attempt in {n} minutes
H1 | Error sending settlement batch {id}
H1 | AUTHORIZATION ERROR FROM ACQUIRER ON TERMINAL {terminal}
H1 | Unexpected exception while capturing payment {uuid}
H1 | payment-agent: error reading response from {host}:{port}
C1 | Payment agent shutting down: key store unreadable
H1 | java.net.SocketTimeoutException: Read timed out calling acquirer {host}
H1@INFO | Refund batch {id}: status=ERROR, {n} refunds not sent
H1 | Terminal {terminal} error 0x{hex2} during card read, payment aborted
I0 | Card BIN {card} not in local table, looked up at acquirer in {ms} ms
I0 | Startup setting: acquirer={host} merchant={store} retries={max}
H1 | Terminal {terminal} aborted payment {uuid}: card removed during PIN entry loop stuck
C1 | Payment agent killed by the watchdog after {n} s without heartbeat, card payments stopped
I0 | Reversal of payment {uuid} not needed: authorization never reached the acquirer
I0 | Failures: 0, approvals: {n}, terminal {terminal}, shift {id}
M0@WARN | Acquirer answered slowly ({ms} ms) for {n} payments, still within the limit
H1 | Refund {id} sent twice to the acquirer: duplicate detection disabled by config {version}
""",
    "inventory": """
H1@INFO | Label sync finished with status error for {n} shelf labels
L0@ERROR | Stock count line {id} rejected: quantity must be a whole number
I0@ERROR | Warehouse API answered 503 once, stock sync retried and completed
H1 | Stock update failed for SKU {sku}: optimistic lock conflict after {max} retries
H1 | Inventory sync with warehouse {store} failed: HTTP 500 from {host}
H1 | Negative stock detected for SKU {sku} in store {store}: {neg}
H1 | Goods receipt {id} could not be booked: purchase order {id2} not found
C1 | Inventory database unavailable: connection pool exhausted ({n}/{n})
H1 | Replenishment job aborted: supplier feed {file} is not valid CSV
H1@INFO | Stock count {id} finished with {n} items missing from the ledger
H1 | Transfer {id} between stores {store} and {store2} stuck in state IN_TRANSIT
M1 | Stock for SKU {sku} below safety level in {n} stores
M1 | Inventory sync lag is {n} minutes behind the tills
M0 | Supplier {supplier} delivered {n} units more than ordered on PO {id}
L0 | Product {sku} discontinued, removed from replenishment
L0@ERROR | Scan of unknown barcode {sku} during stock count, ignored
I0 | Stock count {id} completed for store {store}: {n} items counted
I0 | Goods receipt {id} booked: {n} units of SKU {sku}
I0 | Replenishment order {id} sent to supplier {supplier}
I0 | Inventory sync finished in {ms} ms: {n} changes, 0 errors
I0@ERROR | Lock conflict on SKU {sku}, retry {try} succeeded
I0 | Low stock alert threshold changed to {n} for category {category}
I0 | Warehouse {store} reported {n} pallets received
I0 | Shelf label batch {id} printed for aisle {n}
H1 | Price and stock feed to web shop failed: {host} answered 403 Forbidden
H1 | Reservation {uuid} for click and collect lost: stock record deleted
M1 | {n} purchase orders overdue from supplier {supplier}
I0 | Expiry date check found 0 expired products in store {store}
L0@WARN | Stock adjustment {id} needs manager approval: {n} units written off
I0 | Cycle count schedule generated for {n} aisles
H1 | Batch job stock-valuation failed: OutOfMemoryError while loading {n} rows
I0 | Shrinkage report for period {date} exported to {path}
I0@WARN | Warning threshold for shrinkage not reached this week
H1 | Stock import aborted at row {n}: NumberFormatException for input "{key}"
H1@INFO | Nightly stock reconciliation finished with {n} mismatches between tills and warehouse
H1 | Goods receipt {id} booked twice after timeout, stock for SKU {sku} doubled
H1@WARN | Could not reserve stock for order {id}: lock wait timeout exceeded
C1 | Stock ledger for store {store} lost: replication from head office failed for {n} hours
M1 | {n} SKUs in store {store} show stock but no sales for {n2} weeks
L0@ERROR | Barcode {sku} scanned in the wrong aisle during count, moved by user {user}
L0@WARN | Supplier {supplier} sent a delivery note without prices, prices taken from the order
I0@ERROR | Stock feed download failed once with a reset connection, second download complete
I0@WARN | Stock update for SKU {sku} arrived late and was applied in order
I0 | Zero stock items report generated: {n} items
I0 | Error tolerance for stock counts set to {pct}% by {user}
I0 | Stock transfer {id} received in store {store2}
I0 | Inventory snapshot {id} written to {path}
H1@INFO | Expiry check for store {store} skipped {n} products: best-before date missing
H1 | Price labels for aisle {n2} printed with last week's prices after feed import failed
H1@WARN | Supplier order {id} not sent: EDI gateway rejected the message format
M1 | Store {store} has {n} products with negative margin after price change
L0@ERROR | Count sheet {id} uploaded twice, second copy ignored
I0@WARN | Stock sync paused during end of day, resumed and caught up in {ms} ms
I0 | Fault report for freezer in aisle {n2} closed by {user}
I0 | Stock levels exported to {host} without errors

I0 | Stock file {path} is {n} KB with {n2} records
I0 | Loading warehouse map from {file} for store {store}
I0 | Deleting stock snapshot {path} older than {n} days
I0 | Stock sync statistics: received = {n}, applied = {n}, skipped = 0, conflicts = 0
I0 | Using supplier calendar {file} for replenishment
I0 | SKU {sku} state changed from ORDERED to IN_STOCK in store {store}
I0 | Reservation {uuid} for order {id} released after pickup
I0 | Count session 0x{hex} opened on handheld {n2} by {user}
I0 | Replenishment algorithm version is {version}
I0 | Label sync for aisle {n2} done with {n} labels, checksum {hex}
M0@WARN | Warehouse {store} did not answer the stock request, will retry in {n} s
L0@WARN | Could not lock SKU {sku} for update, retrying
H1 | Error importing delivery note {id}
H1 | ERROR: stock ledger write failed for SKU {sku}
H1 | Unexpected exception in replenishment job, {n} orders not created
H1 | stock-sync: cannot open {path}: permission denied
C1 | stock-sync exiting: ledger database refused every connection
I0 | SKU {sku} not in stock cache, loaded from ledger in {ms} ms
I0 | Startup setting: warehouse={store} sync_interval={n} s batch={n2}
H1 | Stock ledger checksum mismatch for store {store}, counts since {date} not trusted
C1 | Replenishment service killed after exceeding its memory limit, no orders sent today
I0 | Error margin for the count of aisle {n2} within tolerance ({pct}%)
L0@WARN | Count of aisle {n2} interrupted by {user}, resumed at shelf {n}
I0 | Write-off reasons loaded: {n2}, unused: 0
H1 | Delivery {id} booked into the wrong store: {store} instead of {store2}
""",
    "printers": """
H1@INFO | Receipt for sale {id} not printed: printer returned status 0x{hex2}
L0@ERROR | Print job {id} refused: page size A3 not supported, printed as A4
I0@ERROR | Printer {printer} busy, job {id} retried after {ms} ms and printed
H1 | Receipt printer on lane {lane} reports cutter error, receipts not cut
H1 | Printer {printer} out of paper, {n} jobs waiting
M1 | Print queue for {printer} holds {n} jobs older than {n2} minutes
I0 | Print queue for {printer} drained
I0 | Printer {printer} firmware updated to {version}
L0@WARN | Printer {printer} printed receipt {id} twice after user pressed reprint
H1 | Receipt printer on lane {lane} not responding
H1 | Failed to print receipt for sale {id}: printer offline
H1 | Printer {printer} paper jam, print job {id} aborted
M1 | Printer {printer} paper low on lane {lane}
H1 | Kitchen printer {printer} unreachable at {ip}:9100
H1 | Label printer {printer} returned error status 0x{hex2} on job {id}
H1@INFO | Print job {id} discarded: spooler queue full
C1 | Fiscal printer on lane {lane} memory full, sales blocked
H1 | Fiscal printer signature check failed for receipt {id}
M1 | Printer {printer} cover open for {n} s
M1 | Print head of {printer} near end of life: {n} km printed
H1 | Cannot print label for parcel {id}: template {file} not found
H1 | Print spooler service crashed and was not restarted
L0 | Print job {id} cancelled by user {user}
I0 | Printer {printer} ready on lane {lane}
I0 | Receipt {id} printed in {ms} ms
I0 | Print job {id} sent to {printer}
I0@WARN | Printer {printer} paper roll replaced, error counter cleared
I0@ERROR | Printer {printer} timed out, retry {try} printed receipt {id}
I0 | Printer driver {version} loaded for {printer}
I0 | Kitchen order {id} printed at station {n}
I0 | Daily printer self-test passed on lane {lane}
I0 | Printer {printer} reconnected after power save
L0@WARN | Duplicate receipt requested for sale {id}
I0 | Error page suppressed in printer settings of {printer}
H1 | Receipt printer on lane {lane} answered with an unknown status byte, printing stopped
H1@INFO | Printed receipt {id} is blank: printer reported head temperature fault
H1 | Label printer {printer} driver crashed with exception code 0xc0000005
H1@WARN | Printer {printer} disconnected from USB during job {id}, job lost
M1 | Printer {printer} reported {n} paper jams today
L0@WARN | Print job {id} for {printer} held: printer set to pause by user {user}
I0@ERROR | Printer {printer} did not answer, job {id} sent to backup printer and printed
I0@WARN | Receipt {id} printed after the printer woke from sleep in {ms} ms
I0 | Printer {printer} status: ready, 0 errors
I0 | Printer error log of {printer} exported to {path}
I0 | Printer {printer} paper roll at {pct}% remaining
H1@INFO | Printer {printer} printed job {id} with missing lines: head dots failed
H1 | Fiscal printer on lane {lane} refuses daily closure: memory checksum error
M1 | Printer {printer} took {ms} ms per receipt over the last hour
L0@ERROR | Job {id} for {printer} cancelled: document has 0 pages
I0@ERROR | Spooler lost connection to {printer}, reconnected and resumed job {id}
I0 | Printer {printer} cleaning cycle finished

I0 | Printer {printer} capabilities: width {n2} mm, cutter yes, drawer kick yes
I0 | Spool file {path} deleted after job {id}
I0 | Job {id} state changed from QUEUED to PRINTING on {printer}
I0 | Printer {printer} counters: jobs = {n}, pages = {n}, jams = 0
I0 | Using codepage {n2} for {printer}
I0 | Logo image {file} is already stored on {printer}, upload skipped
I0 | Printer {printer} connection 0x{hex} opened over {com}
I0 | Printer {printer} idle timeout is {n} s
M0@WARN | Printer {printer} did not acknowledge job {id}, resending in {n} s
L0@WARN | Could not reach {printer}, job {id} will be retried
H1 | Error opening {com} for printer {printer}
H1 | printd: error writing to {printer}
H1 | Unexpected exception in print spooler, job {id} dropped
H1 | PRINTER {printer} FAULT, RECEIPT {id} NOT PRINTED
C1 | Fiscal memory read error on lane {lane}, printer locked
I0 | Font {file} not in printer memory, downloaded to {printer} in {ms} ms
I0 | Startup setting: printer={printer} port={com} baud=115200
H1 | Printer {printer} head overheated, printing suspended on lane {lane}
C1 | Print service on lane {lane} killed, no receipts can be printed
I0 | Print job {id} interrupted by paper change, finished after the new roll was loaded
I0 | Paper jam counter of {printer} reset by {user}
L0@WARN | Printer {printer} asked for the cover to be closed, user closed it
H1 | Receipts on lane {lane} cut in the middle of the text since driver {version}
""",
    "web": """
H1@INFO | Checkout call to {host} completed with HTTP 502 after {ms} ms
L0@ERROR | Password reset requested for unknown e-mail address
L0@ERROR | Upload rejected: file too large ({n} MB, limit 10 MB)
I0@ERROR | Circuit breaker for {host} half-open, probe request succeeded, closed again
I0 | Request {uuid} GET /api/{resource} status 200 in {ms} ms
I0 | Keep-alive connection from {ip} closed by client
I0 | Response cache hit for /api/{resource}/{id}
I0 | Instance {uuid} registered with load balancer as healthy
L0 | Instance {uuid} limit not set, using default of {n} connections
H1 | GET /api/{resource}/{id} answered 500 Internal Server Error in {ms} ms
H1 | upstream timed out (110: Connection timed out) reading response header from {ip}:{port}
C1 | connect() failed (111: Connection refused) while connecting to upstream, all upstreams down
H1 | Unhandled exception in request POST /api/{resource}: ValueError: invalid literal for int()
C1 | Web server cannot bind to 0.0.0.0:{port}: address already in use
C1 | SSL certificate for {host} expired, HTTPS handshakes failing
M1 | SSL certificate for {host} expires in {n} days
M1 | 5xx rate at {pct}% on {host} over the last 5 minutes
H1 | Health check of {host} failed {n} times in a row
H1@INFO | Request {uuid} finished with status 503 after {ms} ms
M1 | Worker pool saturated: {n} requests waiting in the accept queue
M0 | Slow request: GET /api/{resource} took {ms} ms
L0 | GET /{path2} answered 404 Not Found
L0 | POST /api/login answered 401 Unauthorized for user {user}
L0@WARN | Client closed connection before response was sent (499)
L0@ERROR | Rejected request with invalid JSON body from {ip}
L0 | Rate limit hit by client {ip}: 429 Too Many Requests
I0 | GET /api/{resource}/{id} 200 {ms} ms
I0 | POST /api/{resource} 201 {ms} ms
I0 | Server started on port {port} with {n} workers
I0 | Reloaded configuration, {n} virtual hosts
I0@ERROR | Upstream {ip}:{port} failed once, request retried on next upstream and succeeded
I0 | GET /api/errors?page={n} 200 {ms} ms
I0 | Served /static/js/error-boundary.{hex}.js from cache
I0 | Health check OK for {host} in {ms} ms
I0 | Graceful shutdown of worker {n} completed
I0 | Access log for {host} rotated
I0 | GET /api/failed-orders 200 {ms} ms
H1 | Template rendering failed for /checkout: UndefinedError 'cart' is undefined
H1 | CORS preflight to {host} rejected for every origin after config reload
H1 | POST /api/{resource} answered 500: IntegrityError duplicate key on insert
H1@INFO | Request {uuid} to {host} ended with upstream status 504
H1 | Every request to /api/{resource} fails with 502 Bad Gateway since deploy {version}
H1@WARN | Session store unreachable: users logged out on every request
C1 | Load balancer reports 0 healthy targets for {host}
C1 | Web application {process} crash loop: restarted {n} times in 5 minutes
M1 | Request latency p99 on /api/{resource} at {ms} ms over the last 10 minutes
M1 | {n} requests answered 503 by {host} in the last minute
L0@ERROR | Bad request from {ip}: missing header X-Store-Id
L0@WARN | Client {ip} sent an expired session cookie, redirected to login
L0 | GET /favicon.ico answered 404 Not Found
L0@ERROR | Request from {ip} rejected: payload is not valid UTF-8
L0@WARN | Broken pipe while writing response to {ip}: client went away
I0@ERROR | Upstream {host} refused one connection, request retried and answered 200
I0@WARN | Slow client {ip} took {ms} ms to send the request body, request served
I0 | GET /api/{resource}?status=failed 200 {ms} ms
I0 | POST /api/errors/report 202 {ms} ms
I0 | Worker {n} recycled after {n2} requests
I0 | Certificate for {host} renewed, valid until {date}
I0 | Error pages for 404 and 500 compiled
I0 | Access denied page rendered for {ip} (expected, login required)

H1@INFO | Response for GET /api/{resource} was truncated: upstream closed after {n} bytes
L0@WARN | Client {ip} reset the connection during download of /static/app.{hex}.js
I0@WARN | Connection reset by peer {ip} while reading keep-alive request, connection closed
I0 | Panic button page /help/panic served in {ms} ms
H1@INFO | Checkout page served without payment methods: config endpoint returned an empty list
H1 | Login for every user fails with 'invalid token signature' after key rotation
H1@WARN | Webhook deliveries to {host} failing for {n} minutes, events piling up
C1 | API gateway returning 500 for every route: missing environment variable {key}
M1 | Error rate on /api/{resource} rose to {pct}% after deploy {version}
L0@ERROR | Request to /api/{resource}/{id} denied: token expired, client refreshed it
L0@WARN | Bot {ip} blocked after {n} requests to /wp-login.php
I0@ERROR | TLS handshake with {ip} failed: client offered no common cipher (old scanner, ignored)
I0@WARN | Request {uuid} retried by the client after a dropped connection, answered 200
I0 | Load test against {host} finished: p95 {ms} ms, 0 errors
I0 | Canary deploy {version} promoted: error rate unchanged

I0 | Worker {n} serving on {ip}:{port} with keep-alive timeout {n2} s
I0 | Static file {path} served from disk cache, {n} bytes
I0 | Login session {hex} created for {user}, expires in {n} minutes
I0 | Removing stale upload {path} older than {n} hours
I0 | Route table is {file} with {n} routes
I0 | Cache stats: hits = {n}, misses = {n2}, evictions = 0
I0 | Upstream {host} state changed from DRAINING to ACTIVE
I0 | TLS session ticket key rotated, {n2} keys kept
I0 | Client {ip} upgraded the connection to HTTP/2
I0 | Compression is enabled for text/html and application/json
M0@WARN | Upstream {host} did not answer the health probe, retrying in {n} s
L0@WARN | Failed to refresh OAuth keys from {host}, will retry shortly with cached keys
H1 | Error proxying request to {host}
H1 | Unexpected exception while rendering /api/{resource}, request {uuid} failed
C1 | nginx: [emerg] open() "{path}" failed (13: Permission denied)
H1 | ERROR 500 ON /api/{resource} FROM {host}
C1 | Web server shutting down: cannot load certificate {path}
I0 | Page /{resource} not in render cache, rendered in {ms} ms
I0 | Startup setting: workers={n2} max_body={n} KB timeout={n2} s
H1 | Assertion failed in session middleware: user id missing for request {uuid}
C1 | All web workers killed by the OOM killer on {host}, site down
I0 | Exceptions page /admin/exceptions served to {user} in {ms} ms
I0 | 0 failed requests in the last {n} minutes on {host}
L0@WARN | Request {uuid} aborted by the client after {ms} ms, nothing written
H1 | Responses from {host} served with an empty body and status 200
I0 | {ip} - - [{date}:10:15:32 +0000] "GET /api/{resource}/{id} HTTP/1.1" 200 {n} "-" "Mozilla/5.0"
I0 | {ip} - {user} [{date}:18:02:11] "POST /api/{resource} HTTP/1.1" 201 {n} "pos-client/{version}"
I0 | {ip} - - [{date}:07:44:09 +0000] "GET /static/app.{hex}.css HTTP/2.0" 304 0 "-" "Mozilla/5.0"
I0 | method=GET path=/api/{resource}/{id} status=200 duration={ms}ms bytes={n}
I0 | method=PUT path=/api/{resource}/{id} status=204 duration={ms}ms
I0 | Completed 200 OK in {ms}ms (Views: {n2}ms | DB: {n2}ms)
I0 | HTTP GET /api/{resource} responded 200 in {ms} ms for {ip}
I0 | "GET /health HTTP/1.1" 200 2 "-" "kube-probe/1.29"
H1 | {ip} - - [{date}:12:30:01] "POST /api/{resource} HTTP/1.1" 500 {n} "-" "pos-client/{version}"
H1 | method=POST path=/api/{resource} status=502 duration={ms}ms upstream={host}
H1 | Completed 500 Internal Server Error in {ms}ms
L0 | {ip} - - [{date}:09:12:45 +0000] "GET /api/{resource}/{id} HTTP/1.1" 404 {n} "-" "Mozilla/5.0"
L0 | method=GET path=/admin status=403 duration={ms}ms
""",
    "database": """
H1@INFO | Report query on {table} aborted with exit code {try}
L0@ERROR | Unique constraint prevented a duplicate signup for {user}, user told to log in
I0@ERROR | Connection to {host} lost, pool reconnected within {ms} ms, no query failed
M0 | Table {table} grew {pct}% this week
I0 | Vacuum task for {table} scheduled at {date}
I0 | Transaction {id} committed in {ms} ms
I0 | Checkpoint starting: time
I0 | Connection received: host={ip} port={port}
C1 | FATAL: the database system is in recovery mode
C1 | PANIC: could not write to file "pg_wal/xlogtemp.{n}": No space left on device
H1 | ERROR: deadlock detected while updating table {table}
H1 | ERROR: duplicate key value violates unique constraint "{table}_pkey"
H1 | Query on {table} failed: canceling statement due to statement timeout
C1 | Replication to standby {host} broken: requested WAL segment has already been removed
M1 | Replication lag on {host} is {n} s
M1 | Connection pool usage at {pct}% on {host}
H1 | Could not connect to database at {ip}:5432: too many clients already
H1 | Migration {version} failed: column "{key}" of relation "{table}" already exists
C1 | InnoDB: Database page corruption on disk or a failed file read of page {n}
M1 | Table {table} has {n} dead tuples, autovacuum not keeping up
M0 | Slow query {ms} ms: SELECT * FROM {table} WHERE id = {id}
H1 | Backup of database {table} failed: pg_dump exited with code 1
H1@INFO | Nightly backup finished with {n} tables skipped due to errors
H1 | Redis: MISCONF Redis is configured to save RDB snapshots but cannot persist on disk
C1 | MongoDB primary unreachable, replica set has no primary
L0 | Query returned no rows for customer {id}
I0 | Checkpoint complete: wrote {n} buffers in {ms} ms
I0 | Connection authorized: user={user} database={table}
I0 | Autovacuum of table {table} finished: {n} pages removed
I0 | Migration {version} applied in {ms} ms
I0 | Backup of database {table} completed: {n} MB
I0@ERROR | Deadlock on {table} resolved by retry {try} of transaction {id}
I0 | Index error_log_idx created on table {table}
I0@WARN | Query on table failed_logins returned {n} rows in {ms} ms
I0 | Replica {host} caught up with primary, lag 0 s
I0 | Redis: DB saved on disk
I0 | Connection pool resized to {n} connections
L0@WARN | Statement took {ms} ms, above the log_min_duration threshold
I0 | SELECT count(*) FROM errors WHERE resolved = false returned {n}
H1 | Stored procedure {method} failed: SQLException ORA-{n}: unique constraint violated
H1@INFO | Import into {table} ended: {n} rows rejected by foreign key checks
H1 | Replica {host} stopped applying changes: duplicate entry for key PRIMARY
H1@WARN | Connection pool for {table} exhausted, requests waiting {ms} ms and timing out
C1 | Database {table} cannot start: could not open control file {path}
C1 | Primary database {host} went read-only after a failed disk, writes rejected
M1 | Database {table} transaction id wraparound in {n} transactions
M1 | Redis memory at {pct}% of maxmemory, keys being evicted
M0 | Query plan for {table} changed after statistics update
L0@ERROR | Duplicate insert of order {id} ignored by upsert
L0@WARN | Connection from {ip} closed by client without terminate message
I0@ERROR | Serialization failure on {table}, transaction {id} retried and committed
I0@WARN | Replica {host} lagged {n} s during backup and caught up
I0 | Table {table} checked: 0 corrupt pages
I0 | Connection from {ip} closed normally after {ms} ms
I0 | Query cache hit rate {pct}% on {host}
I0 | Cleanup job deleted {n} rows from error_events older than 30 days
I0 | Database {table} opened in read-write mode

H1@INFO | Index rebuild of {table} stopped: out of temporary space
H1@DEBUG | Row {id} of {table} unreadable, skipped by export
I0@WARN | Lock on {table} held {ms} ms by vacuum, released
I0 | Error log table {table}_errors truncated by retention job
H1@INFO | Report {method} returned partial results: {n} shards did not answer
H1 | Tablespace for {table} cannot grow: maximum size reached
H1@WARN | Archive of WAL segment failed {n} times, disk may fill
C1 | Database cluster {host} split brain: two primaries accepted writes
M1 | Long-running transaction {id} open for {n} minutes on {host}
M0 | Analyze of {table} took {ms} ms
L0@ERROR | Query cancelled by user {user} after {ms} ms
I0@ERROR | Failover test on {host} completed: writes paused {ms} ms, no errors
I0@WARN | Checkpoints occurring too frequently ({n} s apart) during bulk load, as planned
I0 | Constraint check on {table} found 0 violations

I0 | Data file {path} is {n} MB, {pct}% used
I0 | Removing WAL segment {hex}{hex} after checkpoint
I0 | Buffer pool stats: reads = {n}, hits = {n2}, dirty = 0
I0 | Connection {n} state changed from idle to active for {user}
I0 | Lock timeout is {ms} ms for database {table}
I0 | Statement timeout for role {user} is {n} s
I0 | Standby {host} is streaming from primary, lag {ms} ms
I0 | Deleting expired rows from {table}: {n} rows in {ms} ms
I0 | Table {table} file {path} extended by {n} pages
I0 | Transaction log position is 0/{hex}
M0@WARN | Replica {host} not reachable, will retry the connection in {n} s
L0@WARN | Could not obtain lock on {table}, retrying statement
H1 | Error executing query on {table}
H1 | ERROR: could not extend file {path}: wrote only {n} of 8192 bytes
H1 | Unexpected exception in connection pool, {n} connections closed
C1 | Database server shutting down: data directory {path} has invalid permissions
H1 | redis: error writing snapshot to {path}
I0 | Plan for query {hex} not in cache, planned in {ms} ms
I0 | Startup setting: max_connections={n} shared_buffers={n2}GB
H1 | Checksum verification failed on page {n} of table {table}
C1 | Postmaster killed by signal 9, all connections to {host} lost
I0 | Query on table fatal_incidents returned {n} rows in {ms} ms
I0 | Vacuum interrupted by a schema change on {table}, restarted and finished
L0@WARN | Query from {user} cancelled by the statement timeout of {n} s as configured
H1 | Replica {host} returns rows {n} s old: replication silently stopped
""",
    "queues": """
H1@INFO | Consumer {queue}-worker stopped with exit status {try}
I0@ERROR | Delivery of message {id} failed on attempt {try}, redelivered and acknowledged
L0@ERROR | Message {id} rejected by validation: missing field '{key}', sender notified
H1 | Kafka producer error: MessageSizeTooLargeException for topic {queue}
H1 | Consumer of {queue} stuck: no progress on partition {n2} for {n} s
C1 | Message broker cluster lost quorum: {n2} of 3 nodes unreachable
H1 | Schema registry rejected message for {queue}: incompatible schema version {version}
M1 | Broker disk usage at {pct}% on {host}
I0 | Schema {version} registered for topic {queue}
I0 | Consumer paused for {queue} during deploy, resumed after {ms} ms
L0@WARN | Message {id} on {queue} arrived out of order, reordered by sequence number
H1 | Failed to publish message to {queue}: broker connection closed
C1 | Kafka broker {n} unavailable, partition {queue}-{n2} has no leader
H1 | Consumer of {queue} crashed: JSONDecodeError on message {id}
M1 | Consumer lag on {queue} is {n} messages and growing
H1 | Message {uuid} moved to dead letter queue after {max} attempts
M1 | Dead letter queue {queue}-dlq holds {n} messages
H1 | RabbitMQ channel error: PRECONDITION_FAILED unknown delivery tag {n}
C1 | RabbitMQ node rabbit@{host} down: disk free limit reached, publishers blocked
H1@INFO | Message {id} from {queue} dropped: handler returned no acknowledgement
H1 | SQS receive on {queue} failed: AccessDenied for role {user}
M1 | Queue {queue} oldest message age {n} s
M0 | Rebalance of consumer group {queue}-workers took {ms} ms
L0 | Message {id} on {queue} skipped: event type '{key}' not handled
I0 | Consumer group {queue}-workers rebalanced: {n} partitions assigned
I0 | Published {n} messages to {queue} in {ms} ms
I0 | Message {uuid} processed in {ms} ms
I0@ERROR | Publish to {queue} failed on attempt {try}, retry succeeded
I0@WARN | Broker connection lost, reconnected after {ms} ms and resumed consuming
I0 | Dead letter queue {queue}-dlq empty
I0 | Consumer for topic order-errors started with {n} threads
I0 | Offset committed for {queue} partition {n2} at {id}
I0 | Queue {queue} purged by {user} after test run
L0@WARN | Duplicate message {uuid} ignored (already processed)
I0 | Redelivered message {id} handled successfully
H1 | Consumer of {queue} failed to deserialize message {id}: unknown schema id {n}
H1@INFO | Batch {id} from {queue} processed with {n} messages failed and dropped
H1 | Producer for {queue} blocked: broker refused messages, buffer full
H1@WARN | Offset commit for {queue} failed repeatedly, messages will be processed again
C1 | All consumers of {queue} down, {n} messages waiting
M1 | Dead letter queue {queue}-dlq grew by {n} messages in the last hour
L0@WARN | Message {id} on {queue} has an unknown field '{key}', field ignored
L0@ERROR | Consumer received a test message on {queue} from {user}, discarded
I0@ERROR | Broker {host} closed the connection, client reconnected and resent {n} messages
I0@WARN | Rebalance in progress on {queue}, commit retried after rebalance and succeeded
I0 | Topic {queue}-errors created with {n2} partitions
I0 | Consumer {queue}-worker-{n2} joined group with 0 lag
I0 | Scheduled retry queue {queue}-retry drained
I0 | Message {uuid} acknowledged after {ms} ms

H1@INFO | Worker for {queue} gave up on message {id} after {max} tries
I0@WARN | Consumer for {queue} saw end of stream, reconnected and resumed at offset {id}
I0 | Failure notifications topic {queue}-alerts has 0 subscribers pending
H1@INFO | Job {uuid} ended in state FAILED after {n} tasks
H1 | Consumer of {queue} acknowledged messages before processing, {n} lost in a crash
H1@WARN | Topic {queue} retention shorter than consumer lag, messages will be lost
M1 | Messages on {queue} wait {ms} ms on average before processing
L0@WARN | Producer {user} sent message {id} twice, duplicate dropped by key
I0@ERROR | Leader for partition {queue}-{n2} moved, producer refreshed metadata and resent
I0 | Job {uuid} finished: {n} tasks, 0 failed
I0 | Error topic {queue}-errors compacted

I0 | Consumer {queue}-worker-{n2} fetch size is {n} KB, poll timeout {ms} ms
I0 | Partition {queue}-{n2} state changed from FOLLOWER to LEADER on broker {n}
I0 | Segment file {path} deleted after retention of {n} hours
I0 | Broker stats: in = {n} msg/s, out = {n2} msg/s, under-replicated = 0
I0 | Connection 0x{hex} to broker {host} opened for {queue}
I0 | Producer for {queue} is idempotent with {n2} requests in flight
I0 | Queue {queue} depth is {n} messages with {n2} consumers
I0 | Retention for {queue} is {n} hours
M0@WARN | Failed to commit offsets for {queue}, will retry on the next poll
L0@WARN | Broker {host} busy, publish to {queue} retrying in {ms} ms
H1 | Error consuming from {queue}
H1 | Unexpected exception in consumer of {queue}, partition {n2} released
H1 | ERROR PUBLISHING TO {queue}: BROKER REFUSED MESSAGE
C1 | Consumer service shutting down after repeated fatal errors on {queue}
H1 | mq: error reading frame from {host}:{port}
I0 | Schema {n} for {queue} not in the local cache, fetched from the registry in {ms} ms
I0 | Startup setting: brokers={host} acks=all linger={ms} ms
H1 | Consumer of {queue} processed message {id} twice: offset went backwards
C1 | Broker {host} killed by the kernel for running out of memory, {queue} unavailable
I0 | Consumer for {queue} interrupted by a rebalance, resumed at offset {id}
I0 | Failed-deliveries counter for {queue} at 0
L0@WARN | Producer for {queue} waited {ms} ms for buffer space, message sent
H1 | Messages on {queue} delivered to the wrong partition since config {version}
""",
    "os": """
H1@INFO | Backup script exited with non-zero status {try}
H1 | Service {process} failed to restart after {n} attempts
I0@ERROR | Disk check found an error on {mount} and repaired it automatically
M0 | Fan speed of {host} at {pct}% of maximum
L0@ERROR | Login refused for user {user}: account expired
I0 | Container {hex} started from image pos-backend:{version}
I0 | Container {hex} stopped with exit code 0
I0 | Process {process} pid {n} started by systemd
I0 | Received signal SIGHUP, reloading {process} configuration
I0 | Listening on {ip}:{port}
I0 | User {user} session terminated after logout
I0 | Time synchronised with {ip}, offset {ms} ms
I0 | Allocated {n} MB for cache of {process}
H1 | Network interface eth0 link down on {host}
C1 | Store router {ip} unreachable, store {store} offline from head office
H1 | DNS resolution failed for {host}: SERVFAIL
M1 | Packet loss {pct}% to {ip} over the last 5 minutes
M1 | VPN tunnel to head office flapped {n} times in the last hour
H1 | DHCP: no free leases in pool {ip}
I0 | Network interface eth0 link up, 1000 Mbps full duplex
I0 | VPN tunnel to head office established
I0@ERROR | DNS lookup of {host} timed out, answered by secondary resolver
L0@WARN | Wi-Fi client {hex2} disassociated from access point
I0 | Firewall rule set reloaded: {n} rules
C1 | kernel: Out of memory: Killed process {n} ({process}) total-vm:{id}kB
C1 | No space left on device while writing {path}
M1 | Filesystem {mount} at {pct}% capacity
H1 | systemd: {process}.service: Main process exited, code=killed, status=9/KILL
H1 | systemd: Failed to start {process}.service
C1 | EXT4-fs error (device sda1): ext4_find_entry: reading directory lblock 0
H1 | sshd: fatal: Cannot bind any address
M1 | CPU load average {n} over the last 15 minutes on {host}
M1 | Memory usage at {pct}% on {host}, swap in use
C1 | Disk /dev/sdb failing SMART check: reallocated sector count {n}
H1 | NTP: clock unsynchronized, offset {ms} ms from {ip}
H1 | cron: job {process} exited with status 1
H1@INFO | Scheduled task {process} ended with exit code 2
M1 | Inode usage on {mount} at {pct}%
M0 | Temperature of CPU core {n2} at {pct} degrees C
L0 | sudo: {user} : incorrect password attempt
L0@WARN | USB device disconnected on port {n2}
I0 | systemd: Started {process}.service
I0 | systemd: {process}.service: Succeeded
I0 | sshd: Accepted publickey for {user} from {ip} port {port}
I0 | CRON: session opened for user root by (uid=0)
I0 | Filesystem {mount} checked: clean, {n} files
I0 | kernel: usb 1-{n2}: new high-speed USB device number {n} using xhci_hcd
I0 | logrotate: rotated /var/log/{process}/error.log
I0@WARN | kernel: ACPI Error: AE_NOT_FOUND while resolving a symbol (firmware quirk, ignored)
I0 | Package {process} upgraded to {version}
I0@ERROR | mount {mount} failed once, retried after network came up and succeeded
I0 | Windows Update: installation of KB{id} successful
I0 | Event Log: the error reporting service started
H1 | Windows: The {process} service terminated unexpectedly. It has done this {n} time(s)
C1 | Windows: Disk 0 has a bad block at offset {id}, the file system may be damaged
H1 | Service {process} cannot open /var/log/{process}.log: permission denied
H1@INFO | Backup of {mount} finished with {n} files unreadable
H1 | Disk {mount} mounted read-only after I/O errors
H1@WARN | RAID array degraded: disk 2 of 4 missing
C1 | Machine check exception: uncorrectable memory error on DIMM {n2}
C1 | kernel: BUG: unable to handle page fault at address {hex}
H1 | Power supply 2 of {host} failed, running on one supply
M1 | Battery of UPS for store {store} at {pct}% after power cut
M1 | {n} correctable memory errors on {host} in the last day
L0@WARN | Wi-Fi signal weak on lane {lane} terminal, roaming to the next access point
L0@ERROR | Login failed for {user} from {ip}: wrong password
L0 | Screen saver locked the till for {user} after {n} minutes idle
I0@ERROR | NFS server {host} not responding, still trying; NFS server {host} OK
I0@WARN | Clock drift of {ms} ms corrected by NTP
I0 | Kernel command line: panic=10 quiet
I0 | Core dump collection disabled for {process}
I0 | System error log cleared by {user}
I0 | Memory test passed: 0 errors
I0 | Service {process} reloaded its configuration after SIGHUP
I0 | Disk {mount} SMART status: passed
I0 | Scheduled reboot of {host} completed in {n} s

H1@INFO | Log shipping from {host} stopped: spool directory not writable
I0@WARN | Service {process} restarted by watchdog after planned config change, healthy in {ms} ms
I0 | Error reporting disabled for kiosk mode on {host}
I0@ERROR | Link eth0 down for {ms} ms, back up, no packets lost
H1@INFO | Nightly patching of {host} finished, {n} packages failed to install
H1 | Certificate store on {host} unreadable, outbound TLS failing
H1@WARN | Swap exhausted on {host}, processes being slowed
C1 | Store server {host} rebooted unexpectedly {n} times in an hour
C1 | File system on {mount} corrupted: superblock could not be read
M1 | Clock on {host} drifts {ms} ms per hour
L0@ERROR | USB stick inserted on lane {lane} blocked by policy
L0@WARN | User {user} password expires in {n} days
I0@ERROR | Process {process} exited with status 1 during planned shutdown, restarted cleanly
I0@WARN | High CPU on {host} for {n} s during antivirus scan, back to normal
I0 | Kernel panic test disabled in sysctl
I0 | Crash reports uploaded: 0 pending

I0 | Mounted {mount} with options rw,noatime
I0 | Removing old kernel image {version} from /boot
I0 | Unit {process}.service state changed from activating to active
I0 | Swap file {path} is {n} MB
I0 | Interface eth0 address is {ip}
I0 | Disk stats for sda: reads = {n}, writes = {n2}, errors = 0
I0 | logind: New session {n} of user {user}
I0 | logind: Removed session {n}
I0 | Hostname is {host}
I0 | Watchdog timeout for {process} is {n} s
M0@WARN | Failed to sync time with {ip}, will retry in {n} s
L0@WARN | Could not resolve {host}, retrying with the secondary resolver
H1 | Error mounting {mount}
H1 | kernel: I/O error, dev sda, sector {id}
H1 | Unexpected exception in agent {process}, agent stopped
C1 | System shutting down: critical temperature reached on CPU {n2}
H1 | {process}: error while loading shared libraries: libssl.so.3: cannot open shared object file
H1 | ERROR: FILESYSTEM {mount} NOT MOUNTED
I0 | Package {process} not in the local mirror, downloaded in {ms} ms
I0 | Boot setting: root={mount} quiet loglevel=3
H1 | Assertion failed in {process} at {file}:{n}, service aborted
C1 | Kernel panic - not syncing: Attempted to kill init on {host}
I0 | Process {process} interrupted by SIGINT from {user}, exited cleanly
I0 | Failed units: 0, jobs queued: {n2}
L0@WARN | Screen of lane {lane} terminal blanked by the power plan after {n} minutes
H1 | Clock of {host} jumped {n} minutes backwards, log times unreliable
""",
    "runtimes": """
H1@INFO | Child process {process} terminated with return code {try}
H1 | Job {method} aborted: unhandled ValueError after {n} records
L0@ERROR | Input '{key}' rejected by schema: expected a number
I0@ERROR | OSError while reading cache file, rebuilt cache from source
I0 | Thread {process}-{n} started
I0 | Scheduled job {method} to run every {n2} minutes
I0 | Configuration loaded from {path}: {n} keys
I0 | Connected to {host}:{port} in {ms} ms
I0 | Shutdown hook registered for {klass}
I0 | Pending task {method} queued, {n2} ahead of it
H1 | RecursionError: maximum recursion depth exceeded in {method}
H1 | ssl.SSLCertVerificationError: certificate verify failed calling {host}
H1 | UnicodeDecodeError: 'utf-8' codec can't decode byte 0x{hex2} in position {n}
C1 | Process {process} killed after exceeding memory limit of {n} MB
I0 | Dependency check found 0 vulnerable packages
I0@WARN | Retrying import of optional module {key}: not installed, fallback used
H1 | Traceback (most recent call last): KeyError: '{key}' in {file}
H1 | NullPointerException at {klass}.{method}({klass}.java:{n})
C1 | java.lang.OutOfMemoryError: Java heap space in thread "{process}"
H1 | Unhandled promise rejection: TypeError: Cannot read properties of undefined (reading '{key}')
C1 | FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
H1 | System.InvalidOperationException: Sequence contains no elements at {klass}.{method}()
H1 | panic: runtime error: index out of range [{n}] with length {n2}
H1 | ZeroDivisionError: division by zero in {method} ({file}:{n})
H1 | ConnectionRefusedError: [Errno 111] Connection refused while calling {host}:{port}
H1 | ImportError: cannot import name '{key}' from '{process}'
M1 | GC pause of {ms} ms in {process}, heap {pct}% after collection
M1 | DeprecationWarning: {method} will be removed in version {version}
H1@INFO | Worker {n} exited with code 1, restarting
C1 | Segmentation fault (core dumped) in {process}
H1 | Thread pool {process} rejected task: queue capacity {n} reached
M1 | Thread pool {process} at {pct}% of its capacity
M0 | Event loop blocked for {ms} ms in {process}
L0 | UserWarning: {method} got an unexpected keyword argument, ignored
I0 | Application started in {ms} ms on port {port}
I0 | Loaded {n} plugins from {path}
I0 | Garbage collection completed in {ms} ms
I0 | Registered exception handler for {klass}
I0 | ErrorReportingMiddleware initialised with {n} handlers
I0@ERROR | Caught TimeoutError from {host}, retry {try} succeeded
I0@WARN | Exception {klass}Exception expected in test fixture, ignored
I0 | Health endpoint reports 0 failed checks
I0 | Feature flag fail_fast set to false for {process}
I0 | Cache warm-up finished: {n} entries in {ms} ms
L0@ERROR | Validation error for field '{key}': value must be positive
I0 | Worker {n} restarted by supervisor after planned deploy
H1 | IllegalArgumentException: price must not be negative in {klass}.{method}
H1 | AttributeError: 'NoneType' object has no attribute '{key}' in {method}
H1 | TypeError: unsupported operand type(s) for +: 'int' and 'str' in {file}
H1@INFO | Background job {method} stopped after an uncaught exception
H1@WARN | Scheduler skipped job {method}: previous run still running after {n} minutes
H1 | ClassNotFoundException: com.shop.pos.{klass} while starting {process}
H1 | Could not load native library libposcore.so: undefined symbol
C1 | StackOverflowError in thread "{process}", service stopped
C1 | Fatal Python error: Cannot recover from stack overflow in {process}
M1 | {n} warnings per minute from {process}, ten times the usual rate
M1 | Heap usage of {process} at {pct}% after full GC
L0@ERROR | Deprecated config key '{key}' used, value accepted
L0@WARN | Retry budget for calls to {host} at {pct}%, no calls dropped
I0@ERROR | ConnectionResetError talking to {host}, retried and got an answer in {ms} ms
I0@WARN | SocketTimeoutException on attempt {try} to {host}, next attempt succeeded
I0@ERROR | Exception in thread "{process}" handled: InterruptedException during shutdown
I0 | Error handler {klass}ErrorHandler registered
I0 | Test suite passed: 0 failures, 0 errors
I0 | Logged {n} exceptions in the last hour (normal background rate)
I0@DEBUG | raise ValueError path covered by unit test {method}
I0 | Fallback {method} not needed, primary answered in {ms} ms
I0 | Thread {process}-{n} finished normally

H1@INFO | Task {method} returned error result: {key} missing, nothing written
I0@WARN | EOFException reading from client socket {ip}:{port}, connection closed by peer
I0@WARN | Exception while closing idle connection to {host} ignored
I0 | Recovered from a stale lock file {path} left by the previous run
H1@INFO | Worker {process} returned exit status 3 after loading {file}
H1 | JSON parse error in {file} at line {n}: settings not applied
H1@WARN | Circuit breaker for {host} open for {n} minutes, calls failing fast
H1 | Database migration lock held by a dead process, deploy {version} blocked
C1 | Application {process} cannot start: port {port} in use and config invalid
M1 | Event loop lag in {process} above {ms} ms for {n} minutes
L0@ERROR | Feature flag '{key}' unknown, default value used
I0@ERROR | KeyError '{key}' caught while reading optional settings, default used
I0@WARN | Slow import of module {key} ({ms} ms) at start
I0 | Error budget for {process} at {pct}% remaining
I0 | Unhandled exception hook installed for {process}

I0 | JVM options for {process}: -Xmx{n}m -XX:+UseG1GC
I0 | GC stats: young = {n}, old = {n2}, pause total = {ms} ms
I0 | Class {klass} loaded from {path}
I0 | Thread pool {process} size is {n2}, max {n}
I0 | Worker state changed from STARTING to RUNNING for {process}
I0 | Temporary directory {path} cleaned, {n} files removed
I0 | Python {version} with {n} packages in {path}
I0 | Object 0x{hex} returned to pool {process}
I0 | Timer {method} fires every {n} s
I0 | Heap snapshot written to {path} on request of {user}
M0@WARN | Call to {host} failed with a timeout, will retry in {ms} ms
L0@WARN | Failed to refresh cache {key} from {host}, retrying later with stale entries
H1 | Unexpected exception in thread "{process}"
H1 | Error in {method}
H1 | {klass}Exception: could not process record {id}
H1 | ERROR RUNNING JOB {method}
C1 | Fatal error in {process}, shutting down
H1 | java.io.IOException: Broken pipe while writing to {host}
I0 | Template {file} not in the compiled cache, compiled in {ms} ms
I0 | Runtime environment: {process} version={version} user={user} cwd={path}
H1 | AssertionError: basket total must equal the sum of its lines in {method}
C1 | Process {process} aborted (core dumped) after a double free
I0 | Worker {n} interrupted while idle during shutdown, exited normally
I0 | Exception counters: handled = {n}, unhandled = 0
L0@WARN | Deprecated call to {method} from {klass}, works until version {version}
H1 | {klass}.{method} returns stale prices: cache never invalidated after update
""",
}

# The first blind held-out set: 203 templates written by hand after 5-ea5ce7054332 and scored
# once as its test set (commit 429cbda), retired to training in session 5 because its lines had
# been read for error analysis. A new blind set replaces it. Same rules and format as TEMPLATES;
# ids continue each domain's numbering after TEMPLATES, filled with the corpus's own values.
FIRST_HELD_OUT_SET = {
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

# Written in session 5 for the kinds the first held-out set's error analysis found weak: errors
# logged at INFO or WARN whose failure is only a state word or a status code, errors without an
# error word, user errors logged at ERROR, recovered retries at ERROR and retries still pending,
# and MEDIUM lines either side of actionable; last in each domain, timeouts nobody retries (the
# retry templates had made a timeout at ERROR look recovered). By hand, for this project.
WEAK_KINDS = {
    "pos": """
H1@INFO | Shift close for lane {lane} done, outcome=FAILED, drawer totals not stored
H1@INFO | Receipt archive upload for store {store}: state=ERRORED after {ms} ms
H1 | Lane {lane} stopped talking to the store server {n} s ago, sales kept on the till
H1@WARN | Till {lane} came back from a power cut with its last {n2} sales missing
L0@ERROR | Cashier {user} keyed item code {n} which does not exist, nothing added
L0@ERROR | Supervisor PIN entered wrong on lane {lane}, override not granted
I0@ERROR | Upload of journal {id} to {host} timed out, second attempt went through in {ms} ms
M0@WARN | Lane {lane} offline, sales buffered locally until the store server answers again
M0@ERROR | Sending e-receipt for sale {id} failed with SMTP 421, queued for another try
M1 | {n} sales on lane {lane} waiting for a fiscal signature for more than an hour
M1@INFO | Nightly price import for store {store} took {n} minutes, twice its usual time
I0 | Shift close for lane {lane} done, outcome=OK, drawer totals stored
H1 | Tax service {host} timed out after {ms} ms, basket {id} cannot be totalled
H1 | Loyalty lookup timed out after {ms} ms, points for sale {id} not booked
""",
    "payments": """
H1@INFO | Settlement file {id} processed, result: REJECTED by the bank
H1@INFO | Chargeback import {id} finished with status failure, {n} disputes not loaded
H1@WARN | Tokenisation service health=DOWN for {n} s, card-on-file payments refused
H1 | Socket to acquirer {host} forcibly closed by the remote side, {n} authorisations unanswered
C1 | No route to any acquirer for card scheme {code}: every such payment is declined
H1 | Terminal {terminal} on lane {lane} unpaired: no heartbeat for {n} s
L0@ERROR | Card declined for basket {id}: insufficient funds, customer paid cash
L0@ERROR | PIN entry cancelled by the customer on {terminal}, payment {uuid} abandoned
I0@ERROR | Payment {uuid}: acquirer timeout on try 1, try 2 approved in {ms} ms
I0@ERROR | Capture {id} answered 503 by {host}, accepted on the next call
M0@WARN | Acquirer {host} slow to answer, payment {uuid} will be sent again in {ms} ms
M0@ERROR | Refund {id} not confirmed by {host}, confirmation poll {try} of {max} in {n} s
M1 | {n} payments in store {store} waiting for capture for more than a day
I0 | Settlement file {id} processed, result: ACCEPTED by the bank
H1 | Authorisation of payment {uuid} timed out after {ms} ms, customer asked for another means of payment
H1 | Acquirer {host} did not answer within {ms} ms, payment {uuid} declined at the till
H1 | Timeout after {ms} ms waiting for terminal {terminal} on lane {lane}, sale {id} left unpaid
""",
    "inventory": """
H1@INFO | Replenishment run for store {store} completed with outcome ERROR, {n} orders not created
H1@INFO | stock-sync job={id} store={store} result=failed rows={n}
H1@INFO | Cycle count upload from handheld {n2}: phase=commit status=aborted
H1 | Goods receipt {id} booked twice, stock of item {sku} now counted double
H1 | Handheld {n2} in store {store} lost its session mid count, {n} scans discarded
L0@ERROR | Stock adjustment by {user} refused: quantity {neg} would go below zero
L0@ERROR | Barcode {sku} scanned in store {store} not recognised, user asked to key it in
I0@ERROR | Stock push for store {store} reset by peer, sent again and accepted
M0@WARN | Warehouse feed from {supplier} incomplete, resuming from record {n} on the next poll
M1 | Inventory counts of store {store} not received for {n2} days
M0 | Delivery {id} from {supplier} arrived {n2} hours late
I0 | stock-sync job={id} store={store} result=ok rows={n}
H1 | Stock reservation for order {id} timed out after {ms} ms, order not confirmed
H1 | Timeout waiting for the warehouse system after {ms} ms: delivery {id} not booked
""",
    "printers": """
H1@INFO | Label batch {id} for {printer} closed with status FAILED, {n} labels unprinted
H1@INFO | printer={printer} job={id} state=faulted pages={n}
H1 | {printer} went dark during job {id}, spooler holding {n} jobs
H1 | {printer}: print head over temperature, printing stopped
L0@ERROR | Print of report {id} cancelled by {user} from the queue
I0@ERROR | Print job {id} on {printer} dropped once, resent and printed
L0@WARN | Label sync to {printer} deferred: printer busy, trying again in {n2} min
M1 | {n} receipts printed without the store logo on {printer}: logo file missing
M0 | Short spike of {n} queued jobs on {printer}, drained within {n2} minutes
I0 | printer={printer} job={id} state=done pages={n}
H1 | Timeout after {ms} ms sending job {id} to {printer}, receipt not printed
""",
    "web": """
H1 | {ip} - - [{date}:11:04:51 +0000] "PUT /api/{resource}/{id} HTTP/1.1" 502 {n} "-" "pos-client/{version}"
H1 | {ip} - {user} [{date}:07:45:19] "GET /api/{resource} HTTP/2.0" 504 {n} "-" "Mozilla/5.0"
H1@INFO | {ip} - - [{date}:23:59:02 +0000] "POST /checkout/confirm HTTP/1.1" 500 0 "-" "kiosk-app/{version}"
L0 | {ip} - - [{date}:13:37:00 +0000] "GET /favicon.ico HTTP/1.1" 404 0 "-" "Mozilla/5.0"
L0 | {ip} - - [{date}:19:12:44 +0000] "POST /login HTTP/1.1" 401 {n} "-" "Mozilla/5.0"
I0 | {ip} - - [{date}:06:30:12 +0000] "GET /api/{resource}?page={n2} HTTP/1.1" 304 0 "-" "pos-client/{version}"
H1@INFO | ts={date}T10:02:11Z msg="request done" path=/api/{resource} status=503 dur={ms}ms
H1@INFO | handler=checkout route=/api/{resource}/{id} code=500 elapsed={ms}ms
I0 | ts={date}T08:14:55Z msg="request done" path=/api/{resource} status=200 dur={ms}ms
L0 | handler=search route=/api/{resource} code=404 elapsed={ms}ms
H1@INFO | Rollout of storefront {version}: health check result=failing on {n2} pods
H1 | Load balancer pool storefront has 0 of {n2} members in service
L0@ERROR | TLS handshake with client {ip} failed: client closed the connection (EOF)
L0@ERROR | Request from {ip} could not be parsed: invalid header name
L0@ERROR | Upload of {file} by {user} refused: larger than {n2} MB
L0@ERROR | Access to /admin/{resource} denied for {user}: missing role store_manager
I0@ERROR | HTTP 503 from {host} on attempt 1, attempt 2 returned 200
M0@WARN | Webhook to {host} answered 502, redelivery {try} of {max} queued
M0 | Client {ip} rate limited for {n2} s after {n} requests a minute
M1 | p95 latency of /api/{resource} at {ms} ms for {n2} minutes, target 300 ms
M1 | Certificate for {host} expires in {n2} days and the renewal job has not run
H1 | Gateway timeout after {ms} ms calling {host} for /api/{resource}, answered 504
""",
    "database": """
H1@INFO | Nightly vacuum of {table} exited, result: ERROR, see {path}
H1@WARN | Replica {host} health: unhealthy, replay stopped {n} s ago
H1@INFO | Backup run {id} of {table}: state=FAILED size=0
C1 | Primary {host} unreachable, no standby promoted, writes stopped
H1 | Connection pool to {host} exhausted: {n2} of {n2} connections busy, requests waiting
M1 | Deadlock between sessions {n} and {n2} on {table}, one transaction rolled back
L0@ERROR | ERROR: column "{key}_old" does not exist (interactive session of {user})
L0@ERROR | ERROR: syntax error at or near "SELCT" in a psql session of {user}
L0@ERROR | {user}@reporting: permission denied for table {table}
L0@ERROR | {user} gave a wrong password three times at the reporting console, locked for 10 minutes
I0@ERROR | Connection to {host} dropped and re-established after {ms} ms, no query lost
I0@ERROR | Lock wait timeout on {table}, transaction restarted and committed
M0@WARN | Database {host} in recovery, connections refused for now, pool tries every {n2} s
M0@ERROR | Timeout writing to {table} on {host} after {ms} ms; retry {try} of {max} scheduled
M1 | Replication lag on {host} at {n} s, above the {n2} s alert line
M1 | Standby {host} falls further behind the primary every minute, now {n} s
I0 | Backup run {id} of {table}: state=COMPLETED size={n}
H1 | Statement timeout after {ms} ms: nightly update of {table} cancelled and not run again
""",
    "queues": """
H1@INFO | Consumer group {queue}-billing finished rebalance with outcome=error, {n2} partitions unassigned
H1@INFO | Dead-letter replay {id} for {queue}: status FAILED, {n} messages still parked
H1@INFO | task={method} id={uuid} state=FAILURE retries=0
H1 | Broker {host} closed the connection of consumer {process} (forced), {n} unacked messages redelivered
H1 | Queue {queue} has had 0 consumers for {n} s, {n2} messages waiting
H1 | Producer {process} dropped {n} events: broker unreachable and local buffer full
H1 | Message {id} to {queue} dropped: no route to a bound queue
L0@ERROR | Management API login for {user} refused: unknown user
I0@ERROR | Broker {host} failed over, consumer {process} reconnected to the standby in {ms} ms
M0@WARN | Consumer {process} lost its broker connection, reconnecting (attempt {try})
M1 | Queue {queue} backlog at {n} messages and rising for {n2} minutes
I0 | task={method} id={uuid} state=SUCCESS retries=0
H1 | Publish to {queue} timed out after {ms} ms, event {id} lost
""",
    "os": """
H1 | ata{n2}.00: link slow to respond, hard resetting link
C1 | md{n2}: array degraded, disk {dev} kicked out of the set
C1 | zpool tank on {host} is DEGRADED: {dev} FAULTED, no spare left
H1 | NIC link down on {host}, bond running on one port
H1 | EXT4-fs ({dev}): remounting filesystem read-only
H1 | Filesystem {mount} on {host} has no space left, writes refused
H1@INFO | Watchdog restarted {process} on {host} {n2} times in the last hour
C1 | Host {host} stopped answering heartbeats {n} s ago, its lanes went dark
H1@INFO | Cron job {method} on {host} completed, exit_status=1
H1@INFO | Service check for {process} on {host}: state DOWN since {date}
L0@ERROR | sudo: {user} is not in the sudoers file, attempt logged
L0@ERROR | su: authentication failure for {user} on tty{n2}
L0@ERROR | cd: {path}: No such file or directory (interactive shell of {user})
I0@ERROR | Time server {ip} unreachable, clock kept in sync by the next server in the list
M0@WARN | NFS mount {mount} from {host} not answering, still trying
M1 | UPS on {host} switched to battery, {n} s of runtime left
M1 | Disk {mount} on {host} at {pct}% and growing {n2}% a day
M1 | Swap use on {host} at {pct}% for the last hour
I0 | Service check for {process} on {host}: state UP since {date}
""",
    "runtimes": """
H1@INFO | Pipeline step {method} of build {id}: conclusion=failure
H1@INFO | Batch job {klass} returned exit status [FAILED] after {ms} ms
H1@INFO | Worker {process} finished job {id} with state=crashed
H1 | Worker {process} restarted after its heartbeat stopped, job {id} lost
C1 | {process}: out of memory, container killed by the orchestrator (exit 137)
H1 | Thread pool of {process} saturated: {n} tasks turned away in the last minute
L0@ERROR | {process}: unknown option --forse, see --help
L0@ERROR | Validation of request from {user} refused: field '{key}' must be a number
I0@ERROR | Call to {host} reset by peer, replayed by the client and answered in {ms} ms
M0@WARN | Backoff: {method} failed, sleeping {ms} ms before the next try
M0@ERROR | Upstream {host} refused the connection, request {uuid} queued for retry
M1 | Memory of {process} grew from {n2} to {n} MB since the last restart and never fell back
I0 | Batch job {klass} returned exit status [COMPLETED] after {ms} ms
H1 | Request to {host} timed out after {ms} ms in {method}, job {id} failed
""",
}

# The second held-out set (v2: 228 templates, ids holdout2-<domain>-NNN, commit 7a927e0), written
# by hand by another engineer in session 5. It was scored once and its totals by class, level and
# domain were read, so it no longer measured anything blind; it is training data now, in that
# writer's voice, and the v3 set in functions/decide/holdout/ replaced it.
SECOND_HELD_OUT_SET = {
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
