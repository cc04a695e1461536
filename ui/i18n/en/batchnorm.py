TEXT = {
    "batchnorm.title": "BatchNorm: what it does, and what it costs",
    "batchnorm.what": (
        "The lecture's MLP with BatchNorm between the first Linear layer and the activation, trained live on the "
        "names data.  \n"
        "You will see the pre-activations before and after BatchNorm, one example's output jitter with the batch "
        "it lands in, the running statistics that replace the batch at inference, what happens to the Linear "
        "layer's bias, and how much the init gain still matters."
    ),
    # -- controls --------------------------------------------------------------------------------
    "batchnorm.act.label": "Activation",
    "batchnorm.act.help": "The nonlinearity after BatchNorm. The lecture uses tanh. (Maxout is left out: it "
    "changes the width of the layer.)",
    "batchnorm.steps.label": "Training steps",
    "batchnorm.steps.help": "Minibatch SGD steps of the BatchNorm net (batch 32, lr 0.1), as the lecture writes its "
    "loop. 2,000 steps take a few seconds; the lecture trains 200,000.",
    "batchnorm.fixed": "Fixed: embeddings of size 10, a context of 3 characters, 200 hidden units, Kaiming init "
    "(gain 5/3 / √fan_in), BatchNorm's eps 1e-5, the lecture's generator seed.",
    "batchnorm.variant": "The BatchNorm net ({name}, momentum {mom:g})",
    # -- predict first ---------------------------------------------------------------------------
    "batchnorm.predict.question": (
        "The net computes `hpreact = x @ W1 + b1`, then BatchNorm: `bngain * (hpreact - mean) / std + bnbias`, "
        "then {name}. During {steps:,} training steps, how large is the gradient of the Linear layer's bias **b1**, "
        "next to the gradient of BatchNorm's own bias **bnbias**?"
    ),
    "batchnorm.predict.opt.zero": "zero (up to rounding)",
    "batchnorm.predict.opt.tenth": "about a tenth of bnbias's",
    "batchnorm.predict.opt.same": "about as large as bnbias's",
    "batchnorm.predict.opt.larger": "much larger than bnbias's",
    "batchnorm.predict.answer": "(largest |dL/db1| {b1}, against {bb} for bnbias)",
    "batchnorm.predict.why": "BatchNorm subtracts each neuron's batch mean, and b1 shifts every example of the "
    "batch by the same amount, so it shifts the mean too and cancels out: the loss does not depend on b1 at all. "
    "bnbias does the bias's job after the normalisation, which is why the lecture drops b1.",
    # -- 1. pre-activations ----------------------------------------------------------------------
    "batchnorm.pre.header": "1. What BatchNorm does to the pre-activations",
    "batchnorm.pre.body": (
        "BatchNorm takes each hidden neuron's pre-activation over the batch and standardises it: subtract the "
        "batch mean, divide by the batch std, then scale by a learned gain `bngain` and shift by a learned bias "
        "`bnbias`. At init the gain is 1 and the bias 0, so every neuron is **exactly** unit Gaussian over the batch "
        "(mean 0, std 1) whatever the weights; then the gain and the bias learn where each neuron should sit. "
        "The histograms hold every value of one batch of 32 examples × 200 neurons; the dots are the neurons."
    ),
    "batchnorm.pre.phase.init": "at init",
    "batchnorm.pre.phase.trained": "after {steps:,} steps",
    "batchnorm.pre.before": "before BN (x @ W1 + b1)",
    "batchnorm.pre.after": "after BN",
    "batchnorm.pre.gauss": "unit Gaussian N(0, 1)",
    "batchnorm.pre.title": "Pre-activations {phase}",
    "batchnorm.pre.x": "pre-activation value",
    "batchnorm.pre.y": "share of the values",
    "batchnorm.pre.legend": "where",
    "batchnorm.pre.alt": "Histograms of the pre-activations {phase}, before BatchNorm (mean std over neurons "
    "{before:.2f}) and after it (per-neuron std from {lo:.3f} to {hi:.3f}), with a unit Gaussian for reference.",
    "batchnorm.pre.stats_title": "Each neuron's batch mean and std, {phase}",
    "batchnorm.pre.stats_x": "batch mean",
    "batchnorm.pre.stats_y": "batch std",
    "batchnorm.pre.stats_alt": "Dots: each of the 200 neurons' batch mean and std {phase}, before and after "
    "BatchNorm; after it the largest |mean| is {mean:.2g} and the std runs from {lo:.3f} to {hi:.3f}.",
    "batchnorm.pre.notice.init": "at init every neuron after BN sits on the same dot, mean 0 (|mean| ≤ {mean:.1g}) "
    "and std 1 ({lo:.4f} to {hi:.4f}), however spread out the neurons were before it.",
    "batchnorm.pre.notice.trained": "after training the dots after BN have spread out (std {lo:.2f} to {hi:.2f}, "
    "|mean| up to {mean:.2f}): bngain and bnbias have learned a scale and a shift for each neuron.",
    # -- 2. jitter ------------------------------------------------------------------------------
    "batchnorm.jitter.header": "2. The batch couples the examples",
    "batchnorm.jitter.body": (
        "In training mode an example's BatchNorm output depends on the batch mean and std, so on which other "
        "examples happen to be in its batch. Here one fixed training example goes through the trained net inside "
        "{draws} random batches of each size. Its loss and its BatchNorm outputs jitter from batch to batch; the "
        "smaller the batch, the more. The lecture calls this a side effect that turns out to help: the jitter acts "
        "like noise added to the input, a regulariser that makes overfitting harder."
    ),
    "batchnorm.jitter.bs.label": "Batch size to highlight",
    "batchnorm.jitter.bs.help": "The batch size drawn in colour and named in the notes. The net itself always "
    "trains with batches of 32.",
    "batchnorm.jitter.title_draws": "One example's loss in {draws} random batches",
    "batchnorm.jitter.x": "batch size",
    "batchnorm.jitter.y_loss": "loss of the fixed example",
    "batchnorm.jitter.legend": "batch size",
    "batchnorm.jitter.chosen": "batch size {bs}",
    "batchnorm.jitter.others": "the other sizes",
    "batchnorm.jitter.alt_draws": "Dots: the fixed example's loss in each of {draws} random batches, for batch sizes "
    "{lo} to {hi}; at {bs} its std is {loss:.3f}.",
    "batchnorm.jitter.title_spread": "How much it jitters, against the batch size",
    "batchnorm.jitter.y_spread": "std over the random batches",
    "batchnorm.jitter.legend_spread": "std of",
    "batchnorm.jitter.out_std": "its BN outputs (mean over neurons)",
    "batchnorm.jitter.loss_std": "its loss",
    "batchnorm.jitter.alt_spread": "Lines: the std of the example's BN outputs falls from {out_lo:.3f} at batch size "
    "{lo} to {out_hi:.3f} at {hi}, and of its loss from {loss_lo:.3f} to {loss_hi:.3f}.",
    "batchnorm.jitter.notice": "at batch size {bs} the same example's loss varies by a std of {loss:.3f} and its BN "
    "outputs by {out:.3f}; from {lo} to {hi} examples per batch the output jitter shrinks from {out_lo:.3f} to "
    "{out_hi:.3f}.",
    # -- 3. running statistics --------------------------------------------------------------------
    "batchnorm.run.header": "3. Training mode against inference",
    "batchnorm.run.body": (
        "A trained net should answer for one example alone, and the same way whoever else is around. So while "
        "it trains, BatchNorm also keeps a running mean and std of each neuron, nudged towards every batch's: "
        "`running = (1 - momentum) × running + momentum × batch`. The lecture's momentum is 0.001: with batches "
        "of 32, each batch's statistics are noisy, and a small momentum averages many of them (about 1/momentum "
        "batches). The dashed lines are the statistics *calibrated* after training, over the whole training split, "
        "the lecture's first way of doing it."
    ),
    "batchnorm.run.inference": "**At inference this page uses the running statistics, as the lecture does** (the "
    "★ column of the table below): no batch is needed, and one example alone gets an answer.",
    "batchnorm.run.mom.label": "Momentum of the running statistics",
    "batchnorm.run.mom.help": "How far each batch nudges the running mean and std. 0.001 is the lecture's; larger "
    "momenta follow the batches faster and more noisily.",
    "batchnorm.run.title_mean": "Running mean of {n} neurons, momentum {mom:g}",
    "batchnorm.run.title_std": "Running std of {n} neurons, momentum {mom:g}",
    "batchnorm.run.x": "step",
    "batchnorm.run.y_mean": "running mean",
    "batchnorm.run.y_std": "running std",
    "batchnorm.run.legend": "neuron (dashed: calibrated)",
    "batchnorm.run.neuron": "neuron {n}",
    "batchnorm.run.calibrated": "calibrated after training",
    "batchnorm.run.alt_mean": "Lines: the running mean of {n} neurons over {steps:,} steps at momentum {mom:g}, each "
    "with its calibrated mean as a dashed line; at the end they are {gap_mean:.3f} apart on average over all neurons.",
    "batchnorm.run.alt_std": "Lines: the running std of {n} neurons over {steps:,} steps at momentum {mom:g}, each "
    "with its calibrated std as a dashed line; at the end they are {gap_std:.3f} apart on average over all neurons.",
    "batchnorm.run.notice": "after {steps:,} steps at momentum {mom:g} the running statistics are, on average over "
    "the 200 neurons, {gap_mean:.3f} from the calibrated mean and {gap_std:.3f} from the calibrated std. The "
    "running mean starts at 0 and the std at 1: with momentum 0.001 they need thousands of steps to get there "
    "(the lecture trains 200,000); a larger momentum gets there sooner but wobbles with every batch.",
    "batchnorm.run.table.split": "split",
    "batchnorm.run.table.train": "train",
    "batchnorm.run.table.val": "val",
    "batchnorm.run.table.batch": "loss with batch statistics",
    "batchnorm.run.table.running": "loss with running statistics",
    "batchnorm.run.table.calibrated": "loss with calibrated statistics",
    "batchnorm.run.table.close": "the three ways give nearly the same val loss ({batch:.4f} with each minibatch's "
    "own statistics, {running:.4f} running, {calibrated:.4f} calibrated): the running statistics stand in for "
    "the calibration step, and no batch is needed at inference.",
    "batchnorm.run.table.far": "the running statistics are not there yet: val loss {running:.4f} with them against "
    "{calibrated:.4f} calibrated (and {batch:.4f} with each minibatch's own). At momentum {mom:g}, {steps:,} steps "
    "are too few for them to forget their start (mean 0, std 1): train longer, or try a larger momentum.",
    "batchnorm.run.single.nan": (
        "**One example alone cannot use batch statistics.** The std of a batch of one is the square root of its "
        "variance, and the unbiased variance of one value is 0 / 0 (it divides by n − 1 = 0): the output would be "
        "NaN. Even a biased variance would be 0 and turn every neuron into bnbias alone. This is why a trained "
        "BatchNorm net answers with the running (or calibrated) statistics, never the batch's."
    ),
    "batchnorm.run.single.finite": "One example alone gave finite outputs with its own batch statistics on this "
    "setting; with a single example they carry no information, which is why the running statistics are used.",
    # -- 4. the wasted bias ----------------------------------------------------------------------
    "batchnorm.grad.header": "4. A bias before BatchNorm is wasted",
    "batchnorm.grad.body": (
        "b1 adds the same number to a neuron's pre-activation for every example of the batch; BatchNorm then "
        "subtracts the batch mean, which has gone up by exactly that number. Whatever b1 is, the output is the "
        "same, so its gradient is zero (up to floating-point rounding) and it never learns. BatchNorm's own bias "
        "`bnbias` does the job instead; the lecture removes b1 from the Linear layer (`bias=False`)."
    ),
    "batchnorm.grad.metric_b1": "largest |dL/db1| over training",
    "batchnorm.grad.metric_bb": "largest |dL/dbnbias| over training",
    "batchnorm.grad.b1": "b1 (Linear's bias, before BN)",
    "batchnorm.grad.bnbias": "bnbias (BatchNorm's bias)",
    "batchnorm.grad.title": "Gradients of the two biases over {steps:,} steps",
    "batchnorm.grad.x": "step",
    "batchnorm.grad.y": "largest |gradient| (log scale)",
    "batchnorm.grad.legend": "parameter",
    "batchnorm.grad.alt": "Lines on a log scale: the largest gradient of b1 stays at rounding level (at most {b1}) "
    "while bnbias's is about {bb}.",
    "batchnorm.grad.notice.wasted": "b1's gradient, at most {b1}, is rounding noise (float32 keeps about 7 "
    "significant digits) next to bnbias's {bb}: b1 is wasted.",
    "batchnorm.grad.notice.not": "b1's gradient (at most {b1}) is not negligible next to bnbias's ({bb}) here: "
    "bnbias got almost no gradient on this setting either.",
    # -- 5. gain sweep -----------------------------------------------------------------------------
    "batchnorm.sweep.header": "5. BatchNorm makes the init less fragile",
    "batchnorm.sweep.body": (
        "Without BatchNorm the init gain decides whether the pre-activations vanish or saturate, and a bad gain "
        "costs loss. With it, each layer's pre-activations are standardised whatever the weights' scale, so the "
        "final loss barely depends on the gain. The gain still changes something: the weights' scale, and with it "
        "how large each update is next to the weights (the update:data ratio), so the learning rate would need "
        "retuning, as the lecture notes."
    ),
    "batchnorm.sweep.caption": "{n} nets trained together: gains 0.2 to 5 (Kaiming's 5/3 in the middle), each with "
    "and without BatchNorm, {name}, {steps:,} steps of batch 32 at lr 0.1, final losses on {eval:,} examples of "
    "each split. BatchNorm here uses the running statistics at evaluation.",
    "batchnorm.sweep.with": "with BN",
    "batchnorm.sweep.without": "without BN",
    "batchnorm.sweep.series": "{bn}, {split}",
    "batchnorm.sweep.title": "Final loss against the init gain",
    "batchnorm.sweep.x": "init gain (log scale)",
    "batchnorm.sweep.y": "final loss",
    "batchnorm.sweep.legend": "net",
    "batchnorm.sweep.alt": "Lines: the final train and val loss against the init gain from {lo:g} to {hi:g}; the val "
    "loss varies by {without:.3f} over the gains without BatchNorm and by {with_:.3f} with it.",
    "batchnorm.sweep.notice": "over gains {lo:g} to {hi:g} the final val loss varies by {without:.3f} without "
    "BatchNorm and by {with_:.3f} with it.",
    "batchnorm.sweep.ratio_title": "Update:data ratio of W1 against the gain",
    "batchnorm.sweep.ratio_y": "log10 update:data ratio",
    "batchnorm.sweep.guide": "the lecture's guide, −3",
    "batchnorm.sweep.ratio_alt": "Lines: the log10 update:data ratio of W1 at the end of training against the init "
    "gain; with BatchNorm it goes from {r_lo:.2f} at gain {lo:g} to {r_hi:.2f} at gain {hi:g}.",
    "batchnorm.sweep.diverged": "{n} of the {total} nets diverged (their loss became NaN/inf): they have no final "
    "loss and are left out of the charts.",
    "batchnorm.sweep.ratio_alt_diverged": "Lines: the log10 update:data ratio of W1 at the end of training against the "
    "init gain, with and without BatchNorm, for the nets that did not diverge.",
    "batchnorm.sweep.ratio_notice": "Yet the gain still matters with BatchNorm: W1's update:data ratio goes from "
    "{r_lo:.2f} at gain {lo:g} to {r_hi:.2f} at gain {hi:g} (larger weights, relatively smaller steps).",
}
