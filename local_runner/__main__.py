from local_runner.main import main

raise SystemExit(main())
