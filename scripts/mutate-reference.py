#!/usr/bin/env python3
"""Deliberate errors put into the bonus-malus reference implementation
(src-tauri/crates/domain/tests/reference/), one at a time: each must make the engine-vs-reference
comparison it names fail, unless it cannot be observed (listed as MISSED; see README, "How the
engine is checked"). Restores every file after each run, and the proptest regressions file at the end.

    scripts/mutate-reference.py            # all of them (about 2 minutes)
    scripts/mutate-reference.py R14 R17    # those whose name contains one of the words
"""
import os, subprocess, sys
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src-tauri", "crates", "domain", "tests"))
R='reference/'

muts = [
 ("R14 exactly three months blocks", R+'dated.rs', "i.to > three", "i.to >= three", "the_dated_engine"),
 ("R14 overlap by a day ignored", R+'dated.rs', "i.from < b.end && i.to > b.start", "i.from < b.end && i.to > b.start + chrono::Duration::days(1)", "the_dated_engine"),
 ("R15 deadline day excluded", R+'dated.rs', "q.on <= limit", "q.on < limit", "the_dated_engine"),
 ("R15 known_on ignored", R+'dated.rs', "h.known_on.unwrap_or(h.until)", "h.until", "the_dated_engine"),
 ("R13 nine months strict", R+'dated.rs', "plus(start, 9)? <= end", "plus(start, 9)? < end", "the_dated_engine"),
 ("R13 empty period boundary", R+'dated.rs', "if start < end {", "if start <= end {", "the_dated_engine"),
 ("R16 loss on the échéance day", R+'dated.rs', "*d < b.echeance", "*d <= b.echeance", "the_dated_engine"),
 ("claims before subscription", R+'dated.rs', ".filter(|c| c.date >= h.subscription_date)", ".filter(|_| true)", "the_dated_engine"),
 ("first period start E-14", R+'dated.rs', "h.subscription_date.max(minus(e, 14)?)", "h.subscription_date", "the_dated_engine"),
 ("R15 period form 24 months", R+'period.rs', "after > 24", "after >= 24", "the_period_engine"),
 ("R13 period form 9 months", R+'period.rs', ">= 9;", "> 9;", "the_period_engine"),
 ("R14 period form 3 months", R+'period.rs', "unwrap_or(0) > 3", "unwrap_or(0) >= 3", "the_period_engine"),
 ("carried claims dropped", R+'period.rs', "carried = claims;", "carried = Vec::new(); let _ = claims;", "the_period_engine"),
 ("R10 once ignored", R+'mod.rs', "|| !self.protection_used", "|| true", "the_period_engine"),
 ("R10 two years enough", R+'mod.rs', "self.at_floor >= 3", "self.at_floor >= 2", "the_period_engine"),
 ("per period truncates per claim", R+'mod.rs', "Truncation::PerClaim => majorated", "_ => majorated", "the_period_engine"),
 ("R12 last day of period", R+'dated.rs', "c.date >= b.start && c.date < b.end", "c.date >= b.start && c.date <= b.end", "the_dated_engine"),
 ("29 February: échéances chained", R+'dated.rs', "let e = plus(h.first_echeance, 12 * k)?;", "let e = match out.last() { Some(p) => plus(p.echeance, 12)?, None => h.first_echeance };", "the_dated_engine"),
 ("R15 following échéance on the claim day", R+'dated.rs', ".find(|e| *e > c.date)", ".find(|e| *e >= c.date)", "the_dated_engine"),
 ("until excluded", R+'dated.rs', "if e > h.until {", "if e >= h.until {", "the_dated_engine"),
 ("first échéance 12 months", R+'dated.rs', "|| h.first_echeance > plus(h.subscription_date, 12)?", "|| h.first_echeance >= plus(h.subscription_date, 12)?", "the_dated_engine"),
 ("R14 two short ones added", R+'dated.rs', "let long = plus(i.from, 3).map_or(true, |three| i.to > three);", "let total: i64 = h.interruptions.iter().filter(|j| j.from < b.end && j.to > b.start).map(|j| (j.to - j.from).num_days()).sum(); let long = plus(i.from, 3).map_or(true, |three| i.to > three) || total > 92;", "the_dated_engine"),
 ("R10 protection forgives partial only", R+'mod.rs', "let majorated = &counting[usize::from(forgiven)..];", "let majorated = &counting[usize::from(forgiven && counting[0] == Responsibility::Partial)..];", "the_period_engine"),
 ("R6 reduce then majorate", R+'mod.rs', "let c = match o.truncation {", "self.c = (self.c * 95 / 100).max(50);\n            let c = match o.truncation {", "the_period_engine"),
 ("R9 cap missing", R+'mod.rs', "c = c.min(100);", "", "the_period_engine"),
 ("R16 counters kept", R+'mod.rs', "at_floor: 0,\n                claim_free: 0,", "at_floor: self.at_floor,\n                claim_free: self.claim_free,", "the_period_engine"),
 ("art6 natural disaster not art6", R+'mod.rs', "ClaimKind::NaturalDisaster => {\n            true", "ClaimKind::NaturalDisaster => {\n            false", "the_period_engine"),
 ("R14 blocked keeps counters? (reset streak)", R+'mod.rs', "        if !year || blocked {\n", "        if blocked { self.claim_free = 0; }\n        if !year || blocked {\n", "the_period_engine"),
 ("R17 stopped_on excluded", R+'releve.rs', "c.date <= r.stopped_on", "c.date < r.stopped_on", "the_start_from"),
 ("R17 nine months strict", R+'releve.rs', "? <= r.stopped_on", "? < r.stopped_on", "the_start_from"),
 ("R17 at floor not capped by streak", R+'releve.rs', "years.min(streak)", "years", "the_start_from"),
 ("R17 at floor without 0.50", R+'releve.rs', "Some(since) if r.coefficient.hundredths() == 50 =>", "Some(since) =>", "the_start_from"),
 ("R17 claim on period end already counted", R+'releve.rs', "c.date >= end && c.date <= r.stopped_on", "c.date > end && c.date <= r.stopped_on", "the_start_from"),
 ("R17 streak of four periods", R+'releve.rs', "for j in 0..5u32", "for j in 0..4u32", "the_start_from"),
 ("projection: the carried claim counts at the first échéance", R+'dated.rs', "let carried = k == 0", "let carried = false && k == 0", "the_projection"),
 ("projection: a claim in the two months before counts at the next", R+'dated.rs', ".position(|b| claim_date >= b.start && claim_date < b.end)?;", ".position(|b| claim_date < b.echeance)?;", "the_projection"),
 ("R16 in force: replaced on until", R+'dated.rs', "*d >= since && *d <= h.until", "*d >= since && *d < h.until", "the_coefficient_in_force"),
 ("R16 in force: replaced on the last échéance", R+'dated.rs', "*d >= since && *d <= h.until", "*d > since && *d <= h.until", "the_coefficient_in_force"),
 ("R16 transfer: same drivers lose it", R+'mod.rs', "if c < 100 && !same_or_fewer_drivers {", "if c < 100 {", "the_transfer"),
 ("dated JSON: known_on not written", R+'dated.rs', "v[\"known_on\"] = json!(k.to_string());", "let _ = k;", "the_dated_engine"),
 ("dated JSON: a period's end a day later", R+'dated.rs', "                    b.end.to_string(),", "                    b.end.succ_opt().unwrap().to_string(),", "the_dated_engine"),
 ("novice three steps 2 years", R+'novice.rs', "claim_free_years >= 3", "claim_free_years >= 2", "the_novice"),
]
only = sys.argv[1:] 
for name, f, old, new, test in muts:
    if only and not any(o in name for o in only): continue
    if test is None: continue
    src=open(f).read()
    if old not in src:
        print("MISSING", name); continue
    open(f,'w').write(src.replace(old,new,1))
    try:
        r=subprocess.run(["cargo","test","-q","-p","courtier-domain","--test","bonus_malus_properties",test],capture_output=True,text=True,env={**os.environ,"PROPTEST_MAX_SHRINK_ITERS":"0"})
        out=r.stdout+r.stderr
        status = "CAUGHT" if "test result: FAILED" in out else ("COMPILE?" if "error[" in out or "error:" in out and "test result" not in out else "MISSED")
        print(f"{status:8} {name}", flush=True)
    finally:
        open(f,'w').write(src)
subprocess.run(["git","checkout","bonus_malus_properties.proptest-regressions"])
