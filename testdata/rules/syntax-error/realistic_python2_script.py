# An old Python 2 preprocessing script found in a repository (realistic evaluation file).
import csv
import sys


def main(path):
    rows = list(csv.reader(open(path)))
    print "read %d rows" % len(rows)  # expect: syntax-error
    return rows


if __name__ == "__main__":
    main(sys.argv[1])
