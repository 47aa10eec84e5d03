from lambdalint.cli import main

raise SystemExit(main())
