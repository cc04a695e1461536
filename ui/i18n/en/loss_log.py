TEXT = {
    "loss_log.title": "The lecture's loss log: every fix, trained to the end",
    "loss_log.what": (
        "The lecture ends on a table: each fix to the init, trained for 200,000 steps, and the loss it "
        "reaches. Here the five stages train together, on the same minibatches, with the same seed.  \n"
        "You will see each stage's first loss, its final train and val loss next to the lecture's, its "
        "loss curve, and the names each trained net makes up."
    ),
    "loss_log.steps.label": "Training",
    "loss_log.steps.help": (
        "The lecture trains 200,000 steps (several minutes of CPU, computed once for the whole server). "
        "A quick look trains a tenth, with the same schedule scaled."
    ),
    "loss_log.steps.20000": "Quick look: 20,000 steps",
    "loss_log.steps.200000": "The lecture: 200,000 steps",
    "loss_log.schedule": (
        "SGD, minibatches of 32, learning rate 0.1, then 0.01 from step {decay:,}. Losses on the whole "
        "train and val splits. BatchNorm is evaluated with its running statistics, as the lecture does."
    ),
    "loss_log.stage.original": "Original init",
    "loss_log.stage.fix_softmax": "Fix softmax (W2 × 0.01, b2 × 0)",
    "loss_log.stage.fix_tanh": "Fix tanh saturation (W1 × 0.2, b1 × 0.01)",
    "loss_log.stage.kaiming": "Kaiming init (5/3 / √fan_in)",
    "loss_log.stage.batchnorm": "BatchNorm",
    "loss_log.short.original": "Original",
    "loss_log.short.fix_softmax": "Fix softmax",
    "loss_log.short.fix_tanh": "Fix tanh",
    "loss_log.short.kaiming": "Kaiming",
    "loss_log.short.batchnorm": "BatchNorm",
    "loss_log.predict.question": "Of the five stages, which one ends with the **lowest validation loss**?",
    "loss_log.predict.why": (
        "Every fix removes steps the net wastes at the start. Once the init is sane, the stages end close "
        "together: Kaiming and BatchNorm mostly make deeper nets trainable, which this one-layer MLP hardly needs."
    ),
    # -- 1. the table ----------------------------------------------------------------------------
    "loss_log.table.header": "1 · The loss log",
    "loss_log.table.body": (
        "Each row adds one fix to the row above. **Step 0** is the loss on the whole training split before "
        "any update: −ln(1/{v}) = {expected:.4f} is what a net that knows nothing should say. The lecture's "
        "columns are its published 200,000-step figures on its own run."
    ),
    "loss_log.col.stage": "Stage",
    "loss_log.col.init": "Step 0",
    "loss_log.col.train": "Train",
    "loss_log.col.val": "Val",
    "loss_log.col.change": "Val change",
    "loss_log.col.lecture_train": "Lecture train",
    "loss_log.col.lecture_val": "Lecture val",
    "loss_log.table.caption": "Losses after {steps:,} steps. The lecture's figures are for 200,000 steps.",
    "loss_log.table.short": (
        "This is the quick look: {steps:,} steps, so every loss is higher than the lecture's. The order is "
        "what to compare."
    ),
    "loss_log.notice.best": (
        "The lowest val loss is {best}'s, {val:.4f}. The original init starts at {orig:.2f}, about "
        "{times:.0f} times −ln(1/{v}): confidently wrong, and it pays for that with a higher final loss."
    ),
    "loss_log.diverged": "{stage} diverged at step {step:,}: its row has no final loss.",
    # -- 2. the curves ---------------------------------------------------------------------------
    "loss_log.curves.header": "2 · The loss curves",
    "loss_log.curves.body": (
        "As in the lecture: log10 of the minibatch loss, averaged over windows of 1,000 steps. The original "
        "init's first windows sit high (the hockey stick); the drop of the learning rate shows as a step down."
    ),
    "loss_log.curves.title": "log10 of the batch loss, mean of each 1,000 steps ({steps:,} steps)",
    "loss_log.curves.x": "training step",
    "loss_log.curves.y": "log10 loss",
    "loss_log.curves.legend": "stage",
    "loss_log.curves.decay": "lr 0.1 → 0.01",
    "loss_log.curves.alt": (
        "Line chart of log10 of the batch loss over {steps:,} steps, one line per stage; the original "
        "init starts highest at {first:.2f} and ends at {last:.3f}."
    ),
    "loss_log.curves.notice": (
        "The original init's curve starts far above the others and joins them after a few thousand steps: "
        "those are the steps the fixes save."
    ),
    # -- 3. names --------------------------------------------------------------------------------
    "loss_log.names.header": "3 · Names the trained nets make up",
    "loss_log.names.body": (
        "Each trained net writes 20 names, one character at a time, drawn from its softmax with the same "
        "random seed (the lecture's 2147483647 + 10), so the columns differ only by the net. A lower loss "
        "reads more like a name."
    ),
    "loss_log.names.col": "#",
    "loss_log.names.caption": "Each name ends with '.', the end-of-name character the nets learned to emit.",
}
