;; The passes of k-means (kmeans.ts) over the rows, as WebAssembly on rows held in linear memory:
;; the feature variance (scikit-learn's tolerance scale), the initial distances and sampling table
;; and each k-means++ step's candidate pass, Hamerly's initial bounds and bounded E-step, the
;; centre sums and the inertia. Written in WebAssembly because a squared distance over 13
;; features took about 20 ns in JavaScript on the bench machine; with f64x2 SIMD it takes 6–8 ns,
;; less where two independent ones are computed together ($dist2).
;;
;; Every result is bit-identical to the scalar arithmetic it replaces: a squared distance keeps
;; matrix.ts's sqDist summation (four running sums over features t, t + 4, t + 8, …, the leftover
;; features added to the first, then s0 + s1 + (s2 + s3)), with sums 0 and 1 in one f64x2 and
;; sums 2 and 3 in another; every other sum is made in the order the JavaScript loops made it
;; (rows in order).
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

  ;; The distances a–b and c–e at once ($dist twice, interleaved: the processor overlaps the two
  ;; chains of dependent additions, which bound the time of one).
  (func $dist2 (param $a i32) (param $b i32) (param $c i32) (param $e i32) (param $d i32) (result f64 f64)
    (local $end i32) (local $p01 v128) (local $p23 v128) (local $q01 v128) (local $q23 v128) (local $v v128) (local $w v128) (local $s0 f64) (local $t0 f64) (local $x f64) (local $y f64)
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $d) (i32.const -4)) (i32.const 3))))
    (block $quads
      (loop $quad
        (br_if $quads (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $v (f64x2.sub (v128.load (local.get $a)) (v128.load (local.get $b))))
        (local.set $w (f64x2.sub (v128.load (local.get $c)) (v128.load (local.get $e))))
        (local.set $p01 (f64x2.add (local.get $p01) (f64x2.mul (local.get $v) (local.get $v))))
        (local.set $q01 (f64x2.add (local.get $q01) (f64x2.mul (local.get $w) (local.get $w))))
        (local.set $v (f64x2.sub (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b))))
        (local.set $w (f64x2.sub (v128.load offset=16 (local.get $c)) (v128.load offset=16 (local.get $e))))
        (local.set $p23 (f64x2.add (local.get $p23) (f64x2.mul (local.get $v) (local.get $v))))
        (local.set $q23 (f64x2.add (local.get $q23) (f64x2.mul (local.get $w) (local.get $w))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (local.set $c (i32.add (local.get $c) (i32.const 32)))
        (local.set $e (i32.add (local.get $e) (i32.const 32)))
        (br $quad)))
    (local.set $s0 (f64x2.extract_lane 0 (local.get $p01)))
    (local.set $t0 (f64x2.extract_lane 0 (local.get $q01)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $d) (i32.const 3)) (i32.const 3))))
    (block $rest
      (loop $one
        (br_if $rest (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $x (f64.sub (f64.load (local.get $a)) (f64.load (local.get $b))))
        (local.set $y (f64.sub (f64.load (local.get $c)) (f64.load (local.get $e))))
        (local.set $s0 (f64.add (local.get $s0) (f64.mul (local.get $x) (local.get $x))))
        (local.set $t0 (f64.add (local.get $t0) (f64.mul (local.get $y) (local.get $y))))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (local.set $c (i32.add (local.get $c) (i32.const 8)))
        (local.set $e (i32.add (local.get $e) (i32.const 8)))
        (br $one)))
    (f64.add
      (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $p01)))
      (f64.add (f64x2.extract_lane 0 (local.get $p23)) (f64x2.extract_lane 1 (local.get $p23))))
    (f64.add
      (f64.add (local.get $t0) (f64x2.extract_lane 1 (local.get $q01)))
      (f64.add (f64x2.extract_lane 0 (local.get $q23)) (f64x2.extract_lane 1 (local.get $q23)))))

  ;; $dst[j] += $src[j] for the d values of a row.
  (func $addRow (param $dst i32) (param $src i32) (param $d i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (i32.shl (i32.and (local.get $d) (i32.const -2)) (i32.const 3))))
    (block $pairs
      (loop $pair
        (br_if $pairs (i32.ge_u (local.get $dst) (local.get $end)))
        (v128.store (local.get $dst) (f64x2.add (v128.load (local.get $dst)) (v128.load (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (br $pair)))
    (if (i32.and (local.get $d) (i32.const 1))
      (then (f64.store (local.get $dst) (f64.add (f64.load (local.get $dst)) (f64.load (local.get $src)))))))

  ;; $dst[j] −= $src[j] for the d values of a row.
  (func $subRow (param $dst i32) (param $src i32) (param $d i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (i32.shl (i32.and (local.get $d) (i32.const -2)) (i32.const 3))))
    (block $pairs
      (loop $pair
        (br_if $pairs (i32.ge_u (local.get $dst) (local.get $end)))
        (v128.store (local.get $dst) (f64x2.sub (v128.load (local.get $dst)) (v128.load (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (br $pair)))
    (if (i32.and (local.get $d) (i32.const 1))
      (then (f64.store (local.get $dst) (f64.sub (f64.load (local.get $dst)) (f64.load (local.get $src)))))))

  ;; Mean over features of the population variance (scikit-learn's np.mean(np.var(X, axis=0))):
  ;; each feature's sum, then its sum of squared deviations, in row order; $scratch holds 2·d f64
  ;; (means, sums of squares).
  (func (export "meanVariance") (param $data i32) (param $n i32) (param $d i32) (param $scratch i32) (result f64)
    (local $mean i32) (local $sq i32) (local $row i32) (local $end i32) (local $j i32) (local $p i32)
    (local $e v128) (local $x f64) (local $total f64) (local $nf f64)
    (local.set $mean (local.get $scratch))
    (local.set $sq (i32.add (local.get $scratch) (i32.shl (local.get $d) (i32.const 3))))
    (local.set $nf (f64.convert_i32_u (local.get $n)))
    (memory.fill (local.get $scratch) (i32.const 0) (i32.shl (local.get $d) (i32.const 4)))
    (local.set $end (i32.add (local.get $data) (i32.mul (local.get $n) (i32.shl (local.get $d) (i32.const 3)))))
    (local.set $row (local.get $data))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $row) (local.get $end)))
        (call $addRow (local.get $mean) (local.get $row) (local.get $d))
        (local.set $row (i32.add (local.get $row) (i32.shl (local.get $d) (i32.const 3))))
        (br $each)))
    (local.set $j (i32.const 0))
    (block $means
      (loop $feature
        (br_if $means (i32.ge_u (local.get $j) (local.get $d)))
        (local.set $p (i32.add (local.get $mean) (i32.shl (local.get $j) (i32.const 3))))
        (f64.store (local.get $p) (f64.div (f64.load (local.get $p)) (local.get $nf)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $feature)))
    ;; sq[j] += (x[j] − mean[j])², two features at a time
    (local.set $row (local.get $data))
    (block $done2
      (loop $each2
        (br_if $done2 (i32.ge_u (local.get $row) (local.get $end)))
        (local.set $j (i32.const 0))
        (block $features
          (loop $pair
            (br_if $features (i32.ge_u (i32.add (local.get $j) (i32.const 1)) (local.get $d)))
            (local.set $p (i32.shl (local.get $j) (i32.const 3)))
            (local.set $e (f64x2.sub (v128.load (i32.add (local.get $row) (local.get $p))) (v128.load (i32.add (local.get $mean) (local.get $p)))))
            (v128.store (i32.add (local.get $sq) (local.get $p))
              (f64x2.add (v128.load (i32.add (local.get $sq) (local.get $p))) (f64x2.mul (local.get $e) (local.get $e))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $pair)))
        (if (i32.lt_u (local.get $j) (local.get $d))
          (then
            (local.set $p (i32.shl (local.get $j) (i32.const 3)))
            (local.set $x (f64.sub (f64.load (i32.add (local.get $row) (local.get $p))) (f64.load (i32.add (local.get $mean) (local.get $p)))))
            (f64.store (i32.add (local.get $sq) (local.get $p))
              (f64.add (f64.load (i32.add (local.get $sq) (local.get $p))) (f64.mul (local.get $x) (local.get $x))))))
        (local.set $row (i32.add (local.get $row) (i32.shl (local.get $d) (i32.const 3))))
        (br $each2)))
    (local.set $j (i32.const 0))
    (block $sum
      (loop $feature3
        (br_if $sum (i32.ge_u (local.get $j) (local.get $d)))
        (local.set $total (f64.add (local.get $total)
          (f64.div (f64.load (i32.add (local.get $sq) (i32.shl (local.get $j) (i32.const 3)))) (local.get $nf))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $feature3)))
    (f64.div (local.get $total) (f64.convert_i32_u (local.get $d))))

  ;; closest[i] = squared distance from row i to the centre at $centre, cumulative[i] = their
  ;; running sum (k-means++'s sampling table); returns the sum. Rows two at a time.
  (func (export "toCentre") (param $data i32) (param $n i32) (param $d i32) (param $centre i32) (param $closest i32) (param $cumulative i32) (result f64)
    (local $end i32) (local $s f64) (local $s2 f64) (local $pot f64) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 3)))
    (local.set $end (i32.add (local.get $closest) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $closest) (local.get $end)))
        (call $dist2 (local.get $data) (local.get $centre) (i32.add (local.get $data) (local.get $rowBytes)) (local.get $centre) (local.get $d))
        (local.set $s2)
        (local.set $s)
        (f64.store (local.get $closest) (local.get $s))
        (local.set $pot (f64.add (local.get $pot) (local.get $s)))
        (f64.store (local.get $cumulative) (local.get $pot))
        (f64.store offset=8 (local.get $closest) (local.get $s2))
        (local.set $pot (f64.add (local.get $pot) (local.get $s2)))
        (f64.store offset=8 (local.get $cumulative) (local.get $pot))
        (local.set $data (i32.add (local.get $data) (i32.shl (local.get $rowBytes) (i32.const 1))))
        (local.set $closest (i32.add (local.get $closest) (i32.const 16)))
        (local.set $cumulative (i32.add (local.get $cumulative) (i32.const 16)))
        (br $rows)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $s (call $dist (local.get $data) (local.get $centre) (local.get $d)))
        (f64.store (local.get $closest) (local.get $s))
        (local.set $pot (f64.add (local.get $pot) (local.get $s)))
        (f64.store (local.get $cumulative) (local.get $pot))))
    (local.get $pot))

  ;; One k-means++ step: each of the $trials candidates (row addresses in the i32 array $candRow)
  ;; against every row, skipped where the triangle inequality rules it out (toCenter[t·k + a] ≥
  ;; 4·closest[i], a the row's nearest centre); candDist[t·n + i] = the distance capped at
  ;; closest[i], and candPot[t] += it (candPot zeroed by the caller). Rows go in chunks of 1024:
  ;; the (row, candidate) pairs not skipped are listed first ($pairs, 2 · 1024 · trials i32), so
  ;; the test costs no mispredicted branch, then their distances computed (two at a time); the
  ;; potentials are summed last, in row order.
  (func (export "candidates")
    (param $data i32) (param $n i32) (param $d i32) (param $k i32) (param $trials i32)
    (param $closest i32) (param $nearest i32) (param $toCenter i32) (param $candRow i32)
    (param $candDist i32) (param $candPot i32) (param $pairs i32)
    (local $start i32) (local $end i32) (local $i i32) (local $t i32) (local $m i32) (local $j i32)
    (local $limit f64) (local $four f64) (local $toA i32) (local $e f64) (local $p i32) (local $acc f64) (local $x f64) (local $i2 i32) (local $t2 i32) (local $e2 f64)
    (block $chunks
      (loop $chunk
        (br_if $chunks (i32.ge_u (local.get $start) (local.get $n)))
        (local.set $end (select (local.get $n) (i32.add (local.get $start) (i32.const 1024))
          (i32.gt_u (i32.add (local.get $start) (i32.const 1024)) (local.get $n))))
        ;; list the pairs whose distance the bound cannot skip; every distance starts at the cap
        (local.set $m (i32.const 0))
        (local.set $i (local.get $start))
        (block $rows
          (loop $row
            (br_if $rows (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $limit (f64.load (i32.add (local.get $closest) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $four (f64.mul (f64.const 4) (local.get $limit)))
            ;; address of toCenter[0·k + a]
            (local.set $toA (i32.add (local.get $toCenter)
              (i32.shl (i32.load (i32.add (local.get $nearest) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3))))
            (local.set $t (i32.const 0))
            (block $cands
              (loop $cand
                (br_if $cands (i32.ge_u (local.get $t) (local.get $trials)))
                (f64.store
                  (i32.add (local.get $candDist) (i32.shl (i32.add (i32.mul (local.get $t) (local.get $n)) (local.get $i)) (i32.const 3)))
                  (local.get $limit))
                (local.set $p (i32.add (local.get $pairs) (i32.shl (local.get $m) (i32.const 3))))
                (i32.store (local.get $p) (local.get $i))
                (i32.store offset=4 (local.get $p) (local.get $t))
                (local.set $m (i32.add (local.get $m)
                  (f64.lt (f64.load (i32.add (local.get $toA) (i32.shl (i32.mul (local.get $t) (local.get $k)) (i32.const 3))))
                    (local.get $four))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $cand)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $row)))
        ;; the listed pairs' distances, where below the cap, two pairs at a time
        (local.set $j (i32.const 0))
        (block $listed
          (loop $pair
            (br_if $listed (i32.ge_u (i32.add (local.get $j) (i32.const 1)) (local.get $m)))
            (local.set $p (i32.add (local.get $pairs) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $i (i32.load (local.get $p)))
            (local.set $t (i32.load offset=4 (local.get $p)))
            (local.set $i2 (i32.load offset=8 (local.get $p)))
            (local.set $t2 (i32.load offset=12 (local.get $p)))
            (call $dist2 (i32.add (local.get $data) (i32.mul (local.get $i) (i32.shl (local.get $d) (i32.const 3))))
              (i32.load (i32.add (local.get $candRow) (i32.shl (local.get $t) (i32.const 2))))
              (i32.add (local.get $data) (i32.mul (local.get $i2) (i32.shl (local.get $d) (i32.const 3))))
              (i32.load (i32.add (local.get $candRow) (i32.shl (local.get $t2) (i32.const 2)))) (local.get $d))
            (local.set $e2) (local.set $e)
            (local.set $p (i32.add (local.get $candDist) (i32.shl (i32.add (i32.mul (local.get $t) (local.get $n)) (local.get $i)) (i32.const 3))))
            (local.set $x (f64.load (local.get $p)))
            (f64.store (local.get $p) (select (local.get $e) (local.get $x) (f64.lt (local.get $e) (local.get $x))))
            (local.set $p (i32.add (local.get $candDist) (i32.shl (i32.add (i32.mul (local.get $t2) (local.get $n)) (local.get $i2)) (i32.const 3))))
            (local.set $x (f64.load (local.get $p)))
            (f64.store (local.get $p) (select (local.get $e2) (local.get $x) (f64.lt (local.get $e2) (local.get $x))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $pair)))
        (if (i32.lt_u (local.get $j) (local.get $m))
          (then
            (local.set $p (i32.add (local.get $pairs) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $i (i32.load (local.get $p)))
            (local.set $t (i32.load offset=4 (local.get $p)))
            (local.set $e (call $dist (i32.add (local.get $data) (i32.mul (local.get $i) (i32.shl (local.get $d) (i32.const 3))))
              (i32.load (i32.add (local.get $candRow) (i32.shl (local.get $t) (i32.const 2)))) (local.get $d)))
            (local.set $p (i32.add (local.get $candDist) (i32.shl (i32.add (i32.mul (local.get $t) (local.get $n)) (local.get $i)) (i32.const 3))))
            (local.set $x (f64.load (local.get $p)))
            (f64.store (local.get $p) (select (local.get $e) (local.get $x) (f64.lt (local.get $e) (local.get $x))))))
        ;; potentials, in row order per candidate
        (local.set $t (i32.const 0))
        (block $cands2
          (loop $cand2
            (br_if $cands2 (i32.ge_u (local.get $t) (local.get $trials)))
            (local.set $p (i32.add (local.get $candPot) (i32.shl (local.get $t) (i32.const 3))))
            (local.set $acc (f64.load (local.get $p)))
            (local.set $i (local.get $start))
            (block $rows2
              (loop $row2
                (br_if $rows2 (i32.ge_u (local.get $i) (local.get $end)))
                (local.set $acc (f64.add (local.get $acc)
                  (f64.load (i32.add (local.get $candDist) (i32.shl (i32.add (i32.mul (local.get $t) (local.get $n)) (local.get $i)) (i32.const 3))))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $row2)))
            (f64.store (local.get $p) (local.get $acc))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $cand2)))
        (local.set $start (local.get $end))
        (br $chunk))))

  ;; The chosen candidate's distances ($cand, n values) become the closest where smaller, with
  ;; centre $c the nearest there; cumulative[i] = the running sum of the closest distances.
  (func (export "adopt") (param $n i32) (param $closest i32) (param $nearest i32) (param $cand i32) (param $c i32) (param $cumulative i32)
    (local $end i32) (local $s f64) (local $x f64) (local $closer i32) (local $acc f64)
    (local.set $end (i32.add (local.get $closest) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $closest) (local.get $end)))
        (local.set $s (f64.load (local.get $cand)))
        (local.set $x (f64.load (local.get $closest)))
        (local.set $closer (f64.lt (local.get $s) (local.get $x)))
        (local.set $x (select (local.get $s) (local.get $x) (local.get $closer)))
        (f64.store (local.get $closest) (local.get $x))
        (i32.store (local.get $nearest) (select (local.get $c) (i32.load (local.get $nearest)) (local.get $closer)))
        (local.set $acc (f64.add (local.get $acc) (local.get $x)))
        (f64.store (local.get $cumulative) (local.get $acc))
        (local.set $closest (i32.add (local.get $closest) (i32.const 8)))
        (local.set $cumulative (i32.add (local.get $cumulative) (i32.const 8)))
        (local.set $cand (i32.add (local.get $cand) (i32.const 8)))
        (local.set $nearest (i32.add (local.get $nearest) (i32.const 4)))
        (br $row))))

  ;; Hamerly's bounds from the seeding: upper = the distance to the nearest centre (closest is
  ;; its square), lower = 2·half[label] − upper (|x − c_j| ≥ |c_a − c_j| − |x − c_a|).
  (func (export "bounds") (param $n i32) (param $closest i32) (param $labels i32) (param $half i32) (param $upper i32) (param $lower i32)
    (local $end i32) (local $u f64)
    (local.set $end (i32.add (local.get $closest) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $closest) (local.get $end)))
        (local.set $u (f64.sqrt (f64.load (local.get $closest))))
        (f64.store (local.get $upper) (local.get $u))
        (f64.store (local.get $lower) (f64.sub
          (f64.mul (f64.const 2) (f64.load (i32.add (local.get $half) (i32.shl (i32.load (local.get $labels)) (i32.const 3)))))
          (local.get $u)))
        (local.set $closest (i32.add (local.get $closest) (i32.const 8)))
        (local.set $upper (i32.add (local.get $upper) (i32.const 8)))
        (local.set $lower (i32.add (local.get $lower) (i32.const 8)))
        (local.set $labels (i32.add (local.get $labels) (i32.const 4)))
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
          (local.get $data) (local.get $d))
        (local.set $data (i32.add (local.get $data) (i32.shl (local.get $d) (i32.const 3))))
        (local.set $labels (i32.add (local.get $labels) (i32.const 4)))
        (br $row))))

  ;; Hamerly's E-step (kmeans.ts lloydHamerly): each row's bounds follow the centres' moves
  ;; (move[c]; the lower bound by the largest move of another centre), and its distances are
  ;; computed only where the bounds cannot rule a change of centre out. A row changing centre
  ;; moves between the counts and sums. Returns the number of rows that changed centre.
  ;; Rows go in chunks of 1024, in three passes, so that the bound tests cost no mispredicted
  ;; branches: the bounds of all, listing the rows whose bounds overlap ($rows, 1024 i32); their
  ;; distance to their own centre (two rows at a time; kept in $owns, 1024 f64), keeping in the
  ;; list those whose bounds still overlap; for those the distances to the other centres (two at
  ;; a time, into $dists, k f64) and the two nearest in centre order. Rows are met in order in
  ;; each pass, so the sums are made in the same order as in one pass.
  (func (export "assign")
    (param $data i32) (param $n i32) (param $d i32) (param $k i32) (param $centers i32)
    (param $labels i32) (param $upper i32) (param $lower i32) (param $half i32) (param $move i32)
    (param $maxMove f64) (param $secondMove f64) (param $maxMoveAt i32)
    (param $counts i32) (param $sums i32) (param $rows i32) (param $owns i32) (param $dists i32) (result i32)
    (local $start i32) (local $end i32) (local $m i32) (local $j i32) (local $kept i32)
    (local $i i32) (local $c i32) (local $i2 i32) (local $o i32) (local $arg i32) (local $changed i32) (local $rowBytes i32) (local $row i32)
    (local $lo f64) (local $h f64) (local $bound f64) (local $u f64) (local $own f64) (local $own2 f64) (local $s f64)
    (local $b1 f64) (local $b2 f64) (local $p i32) (local $held i32)
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 3)))
    (block $chunks
      (loop $chunk
        (br_if $chunks (i32.ge_u (local.get $start) (local.get $n)))
        (local.set $end (select (local.get $n) (i32.add (local.get $start) (i32.const 1024))
          (i32.gt_u (i32.add (local.get $start) (i32.const 1024)) (local.get $n))))
        ;; bounds follow the moves; list the rows where upper > max(half[c], lower)
        (local.set $m (i32.const 0))
        (local.set $i (local.get $start))
        (block $rows1
          (loop $row1
            (br_if $rows1 (i32.ge_u (local.get $i) (local.get $end)))
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
            (i32.store (i32.add (local.get $rows) (i32.shl (local.get $m) (i32.const 2))) (local.get $i))
            (local.set $m (i32.add (local.get $m) (i32.eqz (f64.le (local.get $u) (local.get $bound)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $row1)))
        ;; listed rows, two at a time: the exact distance to their own centre tightens the upper
        ;; bound; keep listed those it does not settle
        (local.set $kept (i32.const 0))
        (local.set $j (i32.const 0))
        (block $rows2
          (loop $row2
            (br_if $rows2 (i32.ge_u (local.get $j) (local.get $m)))
            (local.set $i (i32.load (i32.add (local.get $rows) (i32.shl (local.get $j) (i32.const 2)))))
            ;; the second row of the two (the first again when it is the last listed)
            (local.set $i2 (i32.load (i32.add (local.get $rows) (i32.shl
              (select (i32.add (local.get $j) (i32.const 1)) (local.get $j) (i32.lt_u (i32.add (local.get $j) (i32.const 1)) (local.get $m)))
              (i32.const 2)))))
            (call $dist2
              (i32.add (local.get $data) (i32.mul (local.get $i) (local.get $rowBytes)))
              (i32.add (local.get $centers) (i32.mul (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2)))) (local.get $rowBytes)))
              (i32.add (local.get $data) (i32.mul (local.get $i2) (local.get $rowBytes)))
              (i32.add (local.get $centers) (i32.mul (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i2) (i32.const 2)))) (local.get $rowBytes)))
              (local.get $d))
            (local.set $own2)
            (local.set $own)
            (local.set $kept (call $tighten (local.get $i) (local.get $own) (local.get $labels) (local.get $upper) (local.get $lower) (local.get $half) (local.get $rows) (local.get $owns) (local.get $kept)))
            (if (i32.lt_u (i32.add (local.get $j) (i32.const 1)) (local.get $m))
              (then (local.set $kept (call $tighten (local.get $i2) (local.get $own2) (local.get $labels) (local.get $upper) (local.get $lower) (local.get $half) (local.get $rows) (local.get $owns) (local.get $kept)))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $row2)))
        ;; rows still listed: full search for the two nearest centres (the distance to the own
        ;; one is known)
        (local.set $j (i32.const 0))
        (block $rows3
          (loop $row3
            (br_if $rows3 (i32.ge_u (local.get $j) (local.get $kept)))
            (local.set $i (i32.load (i32.add (local.get $rows) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $c (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $row (i32.add (local.get $data) (i32.mul (local.get $i) (local.get $rowBytes))))
            ;; distances to the other centres two at a time into $dists (k f64), the own one known
            (f64.store (i32.add (local.get $dists) (i32.shl (local.get $c) (i32.const 3)))
              (f64.load (i32.add (local.get $owns) (i32.shl (local.get $j) (i32.const 3)))))
            (local.set $held (i32.const -1))
            (local.set $o (i32.const 0))
            (block $others
              (loop $other
                (br_if $others (i32.ge_u (local.get $o) (local.get $k)))
                (if (i32.ne (local.get $o) (local.get $c))
                  (then
                    (if (i32.lt_s (local.get $held) (i32.const 0))
                      (then (local.set $held (local.get $o)))
                      (else
                        (call $dist2
                          (local.get $row) (i32.add (local.get $centers) (i32.mul (local.get $held) (local.get $rowBytes)))
                          (local.get $row) (i32.add (local.get $centers) (i32.mul (local.get $o) (local.get $rowBytes)))
                          (local.get $d))
                        (local.set $s)
                        (f64.store (i32.add (local.get $dists) (i32.shl (local.get $o) (i32.const 3))) (local.get $s))
                        (local.set $s)
                        (f64.store (i32.add (local.get $dists) (i32.shl (local.get $held) (i32.const 3))) (local.get $s))
                        (local.set $held (i32.const -1))))))
                (local.set $o (i32.add (local.get $o) (i32.const 1)))
                (br $other)))
            (if (i32.ge_s (local.get $held) (i32.const 0))
              (then
                (f64.store (i32.add (local.get $dists) (i32.shl (local.get $held) (i32.const 3)))
                  (call $dist (local.get $row) (i32.add (local.get $centers) (i32.mul (local.get $held) (local.get $rowBytes))) (local.get $d)))))
            ;; the two nearest, in centre order
            (local.set $b1 (f64.const inf))
            (local.set $b2 (f64.const inf))
            (local.set $arg (i32.const 0))
            (local.set $o (i32.const 0))
            (block $centres
              (loop $centre
                (br_if $centres (i32.ge_u (local.get $o) (local.get $k)))
                (local.set $s (f64.load (i32.add (local.get $dists) (i32.shl (local.get $o) (i32.const 3)))))
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
            (f64.store (i32.add (local.get $upper) (i32.shl (local.get $i) (i32.const 3))) (f64.sqrt (local.get $b1)))
            (f64.store (i32.add (local.get $lower) (i32.shl (local.get $i) (i32.const 3))) (f64.sqrt (local.get $b2)))
            (if (i32.ne (local.get $arg) (local.get $c))
              (then
                (local.set $changed (i32.add (local.get $changed) (i32.const 1)))
                (local.set $p (i32.add (local.get $counts) (i32.shl (local.get $c) (i32.const 3))))
                (f64.store (local.get $p) (f64.sub (f64.load (local.get $p)) (f64.const 1)))
                (local.set $p (i32.add (local.get $counts) (i32.shl (local.get $arg) (i32.const 3))))
                (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (f64.const 1)))
                (call $subRow (i32.add (local.get $sums) (i32.mul (local.get $c) (local.get $rowBytes))) (local.get $row) (local.get $d))
                (call $addRow (i32.add (local.get $sums) (i32.mul (local.get $arg) (local.get $rowBytes))) (local.get $row) (local.get $d))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $row3)))
        (local.set $start (local.get $end))
        (br $chunk)))
    (local.get $changed))

  ;; assign's middle pass for row $i, its squared distance to its own centre $own: upper[i] = the
  ;; distance, and the row is kept listed (rows[kept], owns[kept] = $own) unless upper ≤
  ;; max(half[c], lower[i]). Returns the new count kept.
  (func $tighten (param $i i32) (param $own f64) (param $labels i32) (param $upper i32) (param $lower i32) (param $half i32) (param $rows i32) (param $owns i32) (param $kept i32) (result i32)
    (local $u f64) (local $lo f64) (local $h f64)
    (local.set $u (f64.sqrt (local.get $own)))
    (f64.store (i32.add (local.get $upper) (i32.shl (local.get $i) (i32.const 3))) (local.get $u))
    (local.set $lo (f64.load (i32.add (local.get $lower) (i32.shl (local.get $i) (i32.const 3)))))
    (local.set $h (f64.load (i32.add (local.get $half)
      (i32.shl (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3)))))
    (i32.store (i32.add (local.get $rows) (i32.shl (local.get $kept) (i32.const 2))) (local.get $i))
    (f64.store (i32.add (local.get $owns) (i32.shl (local.get $kept) (i32.const 3))) (local.get $own))
    (i32.add (local.get $kept)
      (i32.eqz (f64.le (local.get $u) (select (local.get $h) (local.get $lo) (f64.gt (local.get $h) (local.get $lo)))))))

  ;; Sum over rows of the squared distance to the row's centre (labels[i]), rows two at a time.
  (func (export "inertia") (param $data i32) (param $n i32) (param $d i32) (param $centers i32) (param $labels i32) (result f64)
    (local $end i32) (local $rowBytes i32) (local $sum f64) (local $s1 f64) (local $s2 f64)
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 3)))
    (local.set $end (i32.add (local.get $labels) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 2))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $labels) (local.get $end)))
        (call $dist2
          (local.get $data) (i32.add (local.get $centers) (i32.mul (i32.load (local.get $labels)) (local.get $rowBytes)))
          (i32.add (local.get $data) (local.get $rowBytes)) (i32.add (local.get $centers) (i32.mul (i32.load offset=4 (local.get $labels)) (local.get $rowBytes)))
          (local.get $d))
        (local.set $s2)
        (local.set $s1)
        (local.set $sum (f64.add (f64.add (local.get $sum) (local.get $s1)) (local.get $s2)))
        (local.set $data (i32.add (local.get $data) (i32.shl (local.get $rowBytes) (i32.const 1))))
        (local.set $labels (i32.add (local.get $labels) (i32.const 8)))
        (br $rows)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $sum (f64.add (local.get $sum) (call $dist (local.get $data)
          (i32.add (local.get $centers) (i32.mul (i32.load (local.get $labels)) (local.get $rowBytes))) (local.get $d))))))
    (local.get $sum)))
