from werkwijzer.cli.app import main

main()
