"""`python -m shipper ...`: the same as `stacklens ship ...`."""

from shipper.main import main

raise SystemExit(main())
