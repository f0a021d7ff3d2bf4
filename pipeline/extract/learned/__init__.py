"""The learned claim model beside the rules (opt-in: ``[extract] claim_model = true``).

Every (sentence, actor mentioned in it) pair is scored by a small fine-tuned encoder run
with ONNX Runtime; a pair the model calls a claim that the rules did not find becomes a
claim with ``rule = "model"``. ``pairs`` builds the model's input the same way for
training and for running, ``scorer`` runs it, ``card`` reads what it was trained on and
its thresholds, ``union`` adds its claims to the rules' ones.
"""
