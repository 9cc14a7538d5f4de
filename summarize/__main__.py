"""`python -m summarize` runs the same command line as the `summarize` script."""

from summarize.cli.app import main

if __name__ == "__main__":
    main()
