# pyloop.py - bench/ guest program for /usr/bin/python3: a pure-Python
# loop (integer arithmetic, dict and list operations, string formatting),
# no imports beyond sys.  Run by bench/run.sh.
# Usage: python3 pyloop.py [N]; prints a checksum.
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1200000
acc = 0
table = {}
items = []
for i in range(n):
    k = (i * 7919) % 1009
    table[k] = table.get(k, 0) + i
    if i % 3 == 0:
        items.append(str(i % 97))
    acc = (acc * 31 + k + len(items)) % 1000000007
acc = (acc + sum(table.values()) + len("".join(items))) % 1000000007
print("pyloop n=%d checksum=%d" % (n, acc))
