;; The hot loops of k-means (kmeans.ts) as WebAssembly, on rows held in linear memory: the initial
;; distances and each k-means++ step's candidate pass, Hamerly's bounded E-step, the centre sums
;; and the inertia. Written in WebAssembly because one squared distance over 13 features costs
;; 10–17 ns in JavaScript; with f64x2 SIMD it is a few.
;;
;; Every result is bit-identical to the scalar arithmetic it replaces: a squared distance keeps
;; matrix.ts's sqDist summation (four running sums over features t, t + 4, t + 8, …, the leftover
;; features added to the first, then s0 + s1 + (s2 + s3)), with sums 0 and 1 in one f64x2 and
;; sums 2 and 3 in another; every other sum is made in the order of kmeans.ts's loops.
;;
;; Arguments are byte addresses into the memory (f64 arrays 8-byte aligned, rows of d values,
;; i32 arrays of labels); see kmeansMemory.ts for the layout. Compiled into kmeansWasm.ts by
;; scripts/build-wasm.ts (checked by tests/cluster/wasm.test.ts).
(module
  (memory (import "env" "memory") 1)

  ;; Squared Euclidean distance between the d values at $a and at $b.
  (func $dist (param $a i32) (param $b i32) (param $d i32) (result f64)
    (local $end i32) (local $acc01 v128) (local $acc23 v128) (local $e v128) (local $s0 f64) (local $x f64)
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $d) (i32.const -4)) (i32.const 3))))
    (block $quads
      (loop $quad
        (br_if $quads (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $e (f64x2.sub (v128.load (local.get $a)) (v128.load (local.get $b))))
        (local.set $acc01 (f64x2.add (local.get $acc01) (f64x2.mul (local.get $e) (local.get $e))))
        (local.set $e (f64x2.sub (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b))))
        (local.set $acc23 (f64x2.add (local.get $acc23) (f64x2.mul (local.get $e) (local.get $e))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br $quad)))
    (local.set $s0 (f64x2.extract_lane 0 (local.get $acc01)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $d) (i32.const 3)) (i32.const 3))))
    (block $rest
      (loop $one
        (br_if $rest (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $x (f64.sub (f64.load (local.get $a)) (f64.load (local.get $b))))
        (local.set $s0 (f64.add (local.get $s0) (f64.mul (local.get $x) (local.get $x))))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (br $one)))
    (f64.add
      (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $acc01)))
      (f64.add (f64x2.extract_lane 0 (local.get $acc23)) (f64x2.extract_lane 1 (local.get $acc23)))))

  ;; $dst[j] += $src[j] (or −=, $sign < 0) for the d values of a row.
  (func $addRow (param $dst i32) (param $src i32) (param $d i32) (param $sign i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $d) (i32.const 3))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (if (i32.lt_s (local.get $sign) (i32.const 0))
          (then (f64.store (local.get $dst) (f64.sub (f64.load (local.get $dst)) (f64.load (local.get $src)))))
          (else (f64.store (local.get $dst) (f64.add (f64.load (local.get $dst)) (f64.load (local.get $src))))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 8)))
        (local.set $src (i32.add (local.get $src) (i32.const 8)))
        (br $each))))

  ;; closest[i] = squared distance from row i to the centre at $centre; returns their sum.
  (func (export "toCentre") (param $data i32) (param $n i32) (param $d i32) (param $centre i32) (param $closest i32) (result f64)
    (local $end i32) (local $s f64) (local $pot f64)
    (local.set $end (i32.add (local.get $closest) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $closest) (local.get $end)))
        (local.set $s (call $dist (local.get $data) (local.get $centre) (local.get $d)))
        (f64.store (local.get $closest) (local.get $s))
        (local.set $pot (f64.add (local.get $pot) (local.get $s)))
        (local.set $data (i32.add (local.get $data) (i32.shl (local.get $d) (i32.const 3))))
        (local.set $closest (i32.add (local.get $closest) (i32.const 8)))
        (br $row)))
    (local.get $pot))

  ;; One k-means++ step: each of the $trials candidates (row addresses in the i32 array $candRow)
  ;; against every row, skipped where the triangle inequality rules it out (toCenter[t·k + a] ≥
  ;; 4·closest[i], a the row's nearest centre); candDist[t·n + i] = the distance capped at
  ;; closest[i], and candPot[t] += it (candPot zeroed by the caller).
  (func (export "candidates")
    (param $data i32) (param $n i32) (param $d i32) (param $k i32) (param $trials i32)
    (param $closest i32) (param $nearest i32) (param $toCenter i32) (param $candRow i32)
    (param $candDist i32) (param $candPot i32)
    (local $i i32) (local $t i32) (local $limit f64) (local $toA i32) (local $s f64) (local $e f64) (local $at i32)
    (block $rows
      (loop $row
        (br_if $rows (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $limit (f64.load (i32.add (local.get $closest) (i32.shl (local.get $i) (i32.const 3)))))
        ;; address of toCenter[0·k + a]
        (local.set $toA (i32.add (local.get $toCenter)
          (i32.shl (i32.load (i32.add (local.get $nearest) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3))))
        (local.set $t (i32.const 0))
        (block $cands
          (loop $cand
            (br_if $cands (i32.ge_u (local.get $t) (local.get $trials)))
            (local.set $s (local.get $limit))
            (if (f64.lt
                  (f64.load (i32.add (local.get $toA) (i32.shl (i32.mul (local.get $t) (local.get $k)) (i32.const 3))))
                  (f64.mul (f64.const 4) (local.get $limit)))
              (then
                (local.set $e (call $dist (local.get $data)
                  (i32.load (i32.add (local.get $candRow) (i32.shl (local.get $t) (i32.const 2)))) (local.get $d)))
                (if (f64.lt (local.get $e) (local.get $limit)) (then (local.set $s (local.get $e))))))
            (f64.store
              (i32.add (local.get $candDist) (i32.shl (i32.add (i32.mul (local.get $t) (local.get $n)) (local.get $i)) (i32.const 3)))
              (local.get $s))
            (local.set $at (i32.add (local.get $candPot) (i32.shl (local.get $t) (i32.const 3))))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $s)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $cand)))
        (local.set $data (i32.add (local.get $data) (i32.shl (local.get $d) (i32.const 3))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $row))))

  ;; Counts (f64, k) and per-cluster sums of the rows (k × d) from the labels, from zero.
  (func (export "sums") (param $data i32) (param $n i32) (param $d i32) (param $k i32)
    (param $labels i32) (param $counts i32) (param $sums i32)
    (local $p i32) (local $end i32) (local $c i32)
    (memory.fill (local.get $counts) (i32.const 0) (i32.shl (local.get $k) (i32.const 3)))
    (memory.fill (local.get $sums) (i32.const 0) (i32.shl (i32.mul (local.get $k) (local.get $d)) (i32.const 3)))
    (local.set $end (i32.add (local.get $labels) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $labels) (local.get $end)))
        (local.set $c (i32.load (local.get $labels)))
        (local.set $p (i32.add (local.get $counts) (i32.shl (local.get $c) (i32.const 3))))
        (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (f64.const 1)))
        (call $addRow (i32.add (local.get $sums) (i32.shl (i32.mul (local.get $c) (local.get $d)) (i32.const 3)))
          (local.get $data) (local.get $d) (i32.const 1))
        (local.set $data (i32.add (local.get $data) (i32.shl (local.get $d) (i32.const 3))))
        (local.set $labels (i32.add (local.get $labels) (i32.const 4)))
        (br $row))))

  ;; Hamerly's E-step (kmeans.ts lloydHamerly): each row's bounds follow the centres' moves
  ;; (move[c]; the lower bound by the largest move of another centre), and its distances are
  ;; computed only where the bounds cannot rule a change of centre out. A row changing centre
  ;; moves between the counts and sums. Returns the number of rows that changed centre.
  (func (export "assign")
    (param $data i32) (param $n i32) (param $d i32) (param $k i32) (param $centers i32)
    (param $labels i32) (param $upper i32) (param $lower i32) (param $half i32) (param $move i32)
    (param $maxMove f64) (param $secondMove f64) (param $maxMoveAt i32)
    (param $counts i32) (param $sums i32) (result i32)
    (local $i i32) (local $c i32) (local $o i32) (local $arg i32) (local $changed i32) (local $rowBytes i32)
    (local $lo f64) (local $h f64) (local $bound f64) (local $u f64) (local $own f64) (local $s f64)
    (local $b1 f64) (local $b2 f64) (local $p i32)
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 3)))
    (block $rows
      (loop $row
        (br_if $rows (i32.ge_u (local.get $i) (local.get $n)))
        (block $next
          (local.set $c (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2)))))
          (local.set $p (i32.add (local.get $lower) (i32.shl (local.get $i) (i32.const 3))))
          (local.set $lo (f64.sub (f64.load (local.get $p))
            (select (local.get $secondMove) (local.get $maxMove) (i32.eq (local.get $c) (local.get $maxMoveAt)))))
          (f64.store (local.get $p) (local.get $lo))
          (local.set $h (f64.load (i32.add (local.get $half) (i32.shl (local.get $c) (i32.const 3)))))
          (local.set $bound (select (local.get $h) (local.get $lo) (f64.gt (local.get $h) (local.get $lo))))
          (local.set $p (i32.add (local.get $upper) (i32.shl (local.get $i) (i32.const 3))))
          (local.set $u (f64.add (f64.load (local.get $p))
            (f64.load (i32.add (local.get $move) (i32.shl (local.get $c) (i32.const 3))))))
          (f64.store (local.get $p) (local.get $u))
          (br_if $next (f64.le (local.get $u) (local.get $bound)))
          (local.set $own (call $dist (local.get $data)
            (i32.add (local.get $centers) (i32.mul (local.get $c) (local.get $rowBytes))) (local.get $d)))
          (local.set $u (f64.sqrt (local.get $own)))
          (f64.store (local.get $p) (local.get $u))
          (br_if $next (f64.le (local.get $u) (local.get $bound)))
          ;; full search for the two nearest centres (the distance to its own is known)
          (local.set $b1 (f64.const inf))
          (local.set $b2 (f64.const inf))
          (local.set $arg (i32.const 0))
          (local.set $o (i32.const 0))
          (block $centres
            (loop $centre
              (br_if $centres (i32.ge_u (local.get $o) (local.get $k)))
              (local.set $s
                (if (result f64) (i32.eq (local.get $o) (local.get $c))
                  (then (local.get $own))
                  (else (call $dist (local.get $data)
                    (i32.add (local.get $centers) (i32.mul (local.get $o) (local.get $rowBytes))) (local.get $d)))))
              (if (f64.lt (local.get $s) (local.get $b1))
                (then
                  (local.set $b2 (local.get $b1))
                  (local.set $b1 (local.get $s))
                  (local.set $arg (local.get $o)))
                (else
                  (if (f64.lt (local.get $s) (local.get $b2)) (then (local.set $b2 (local.get $s))))))
              (local.set $o (i32.add (local.get $o) (i32.const 1)))
              (br $centre)))
          (i32.store (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2))) (local.get $arg))
          (f64.store (local.get $p) (f64.sqrt (local.get $b1)))
          (f64.store (i32.add (local.get $lower) (i32.shl (local.get $i) (i32.const 3))) (f64.sqrt (local.get $b2)))
          (br_if $next (i32.eq (local.get $arg) (local.get $c)))
          (local.set $changed (i32.add (local.get $changed) (i32.const 1)))
          (local.set $p (i32.add (local.get $counts) (i32.shl (local.get $c) (i32.const 3))))
          (f64.store (local.get $p) (f64.sub (f64.load (local.get $p)) (f64.const 1)))
          (local.set $p (i32.add (local.get $counts) (i32.shl (local.get $arg) (i32.const 3))))
          (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (f64.const 1)))
          (call $addRow (i32.add (local.get $sums) (i32.mul (local.get $c) (local.get $rowBytes))) (local.get $data) (local.get $d) (i32.const -1))
          (call $addRow (i32.add (local.get $sums) (i32.mul (local.get $arg) (local.get $rowBytes))) (local.get $data) (local.get $d) (i32.const 1)))
        (local.set $data (i32.add (local.get $data) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $row)))
    (local.get $changed))

  ;; Sum over rows of the squared distance to the row's centre (labels[i]).
  (func (export "inertia") (param $data i32) (param $n i32) (param $d i32) (param $centers i32) (param $labels i32) (result f64)
    (local $end i32) (local $rowBytes i32) (local $sum f64)
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 3)))
    (local.set $end (i32.add (local.get $labels) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $labels) (local.get $end)))
        (local.set $sum (f64.add (local.get $sum) (call $dist (local.get $data)
          (i32.add (local.get $centers) (i32.mul (i32.load (local.get $labels)) (local.get $rowBytes))) (local.get $d))))
        (local.set $data (i32.add (local.get $data) (local.get $rowBytes)))
        (local.set $labels (i32.add (local.get $labels) (i32.const 4)))
        (br $row)))
    (local.get $sum)))
