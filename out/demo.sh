#!/bin/sh
# Private demo for issue #20 (not committed): camsim fleet of 120 on 127.120.0.0/22.
set -e
B=/work/wt/report/build
cd /work/wt/report/out
rm -f demo.db m.jsonl
$B/camsim --cidr 127.120.0.0/22 --count 120 --seed 7 --manifest m.jsonl > camsim.out 2>camsim.err &
echo $! > camsim.pid
sleep 3
$B/camsweep scan --db demo.db -q --rate 0 127.120.0.0/22 || true
