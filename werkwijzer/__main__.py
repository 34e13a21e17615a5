from werkwijzer.cli import main

main()
