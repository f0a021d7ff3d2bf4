"""The grammar floor: what the words of a sentence are to each other, with no claim logic.

``tokens`` (quote masks, mentions at a position), ``sentence`` (the per-sentence context),
``speech`` (reporting verbs and speakers), ``attribution`` (where a report names its
speaker), ``quotes`` (quotes running over several sentences), ``subjects`` (subjects
and coordination), ``phrases`` (possessors, agents, light verbs, objects) and ``clauses`` (negation,
infinitives, conditions). The decision floor (``cue_rules``, ``gates``) asks these
questions and decides what makes a claim.
"""
