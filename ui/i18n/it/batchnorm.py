TEXT = {
    "batchnorm.title": "BatchNorm: che cosa fa, e che cosa costa",
    "batchnorm.what": (
        "L'MLP della lezione con la BatchNorm tra il primo strato Linear e l'attivazione, addestrato dal vivo sui "
        "dati dei nomi.  \n"
        "Vedrai le pre-attivazioni prima e dopo la BatchNorm, l'uscita di un esempio che oscilla col batch in cui "
        "capita, le statistiche mobili che all'inferenza prendono il posto del batch, che cosa succede al bias dello "
        "strato Linear e quanto conta ancora il guadagno di inizializzazione."
    ),
    # -- controlli -------------------------------------------------------------------------------
    "batchnorm.act.label": "Attivazione",
    "batchnorm.act.help": "La non linearità dopo la BatchNorm. La lezione usa tanh. (Maxout è esclusa: cambia la "
    "larghezza dello strato.)",
    "batchnorm.steps.label": "Passi di addestramento",
    "batchnorm.steps.help": "Passi di SGD a minibatch della rete con BatchNorm (batch 32, lr 0,1), col ciclo scritto "
    "come nella lezione. 2.000 passi richiedono pochi secondi; la lezione ne fa 200.000.",
    "batchnorm.fixed": "Fissi: embedding di dimensione 10, contesto di 3 caratteri, 200 unità nascoste, "
    "inizializzazione di Kaiming (guadagno 5/3 / √fan_in), eps della BatchNorm 1e-5, il seme del generatore della "
    "lezione.",
    "batchnorm.variant": "La rete con BatchNorm ({name}, momentum {mom:g})",
    # -- prima prevedi ---------------------------------------------------------------------------
    "batchnorm.predict.question": (
        "La rete calcola `hpreact = x @ W1 + b1`, poi la BatchNorm: `bngain * (hpreact - mean) / std + bnbias`, "
        "poi {name}. Durante {steps:,} passi di addestramento, quanto è grande il gradiente del bias dello strato "
        "Linear, **b1**, rispetto al gradiente del bias della BatchNorm, **bnbias**?"
    ),
    "batchnorm.predict.opt.zero": "zero (a meno degli arrotondamenti)",
    "batchnorm.predict.opt.tenth": "circa un decimo di quello di bnbias",
    "batchnorm.predict.opt.same": "circa grande quanto quello di bnbias",
    "batchnorm.predict.opt.larger": "molto più grande di quello di bnbias",
    "batchnorm.predict.answer": "(|dL/db1| massimo {b1}, contro {bb} per bnbias)",
    "batchnorm.predict.why": "La BatchNorm sottrae la media del batch di ogni neurone, e b1 sposta tutti gli esempi "
    "del batch della stessa quantità: sposta anche la media e si annulla. La loss non dipende affatto da b1. "
    "bnbias fa il lavoro del bias dopo la normalizzazione: per questo la lezione toglie b1.",
    # -- 1. pre-attivazioni ----------------------------------------------------------------------
    "batchnorm.pre.header": "1. Che cosa fa la BatchNorm alle pre-attivazioni",
    "batchnorm.pre.body": (
        "La BatchNorm prende la pre-attivazione di ogni neurone nascosto sul batch e la standardizza: sottrae la "
        "media del batch, divide per la deviazione standard del batch, poi moltiplica per un guadagno appreso "
        "`bngain` e somma un bias appreso `bnbias`. All'inizializzazione il guadagno è 1 e il bias 0, quindi ogni "
        "neurone è **esattamente** una gaussiana unitaria sul batch (media 0, deviazione standard 1) qualunque "
        "siano i pesi; poi guadagno e bias imparano dove deve stare ogni neurone. Gli istogrammi contengono ogni "
        "valore di un batch di 32 esempi × 200 neuroni; i punti sono i neuroni."
    ),
    "batchnorm.pre.phase.init": "all'inizializzazione",
    "batchnorm.pre.phase.trained": "dopo {steps:,} passi",
    "batchnorm.pre.before": "prima della BN (x @ W1 + b1)",
    "batchnorm.pre.after": "dopo la BN",
    "batchnorm.pre.gauss": "gaussiana unitaria N(0, 1)",
    "batchnorm.pre.title": "Pre-attivazioni {phase}",
    "batchnorm.pre.x": "valore della pre-attivazione",
    "batchnorm.pre.y": "quota dei valori",
    "batchnorm.pre.legend": "dove",
    "batchnorm.pre.alt": "Istogrammi delle pre-attivazioni {phase}, prima della BatchNorm (deviazione standard media "
    "sui neuroni {before:.2f}) e dopo (deviazione standard per neurone da {lo:.3f} a {hi:.3f}), con una gaussiana "
    "unitaria di riferimento.",
    "batchnorm.pre.stats_title": "Media e dev. std. del batch per neurone, {phase}",
    "batchnorm.pre.stats_x": "media del batch",
    "batchnorm.pre.stats_y": "deviazione standard del batch",
    "batchnorm.pre.stats_alt": "Punti: media e deviazione standard del batch di ciascuno dei 200 neuroni {phase}, "
    "prima e dopo la BatchNorm; dopo, la |media| più grande è {mean:.2g} e la deviazione standard va da {lo:.3f} "
    "a {hi:.3f}.",
    "batchnorm.pre.notice.init": "all'inizializzazione, dopo la BN, tutti i neuroni stanno sullo stesso punto: media "
    "0 (|media| ≤ {mean:.1g}) e deviazione standard 1 (da {lo:.4f} a {hi:.4f}), per quanto fossero sparsi prima.",
    "batchnorm.pre.notice.trained": "dopo l'addestramento i punti dopo la BN si sono sparpagliati (deviazione "
    "standard da {lo:.2f} a {hi:.2f}, |media| fino a {mean:.2f}): bngain e bnbias hanno imparato una scala e uno "
    "spostamento per ogni neurone.",
    # -- 2. oscillazioni ------------------------------------------------------------------------
    "batchnorm.jitter.header": "2. Il batch lega tra loro gli esempi",
    "batchnorm.jitter.body": (
        "In modalità di addestramento l'uscita della BatchNorm per un esempio dipende dalla media e dalla "
        "deviazione standard del batch, quindi da quali altri esempi capitano nel suo batch. Qui un esempio di "
        "addestramento fisso attraversa la rete addestrata dentro {draws} batch casuali di ogni dimensione. La sua "
        "loss e le sue uscite della BatchNorm oscillano da un batch all'altro, tanto più quanto più il batch è "
        "piccolo. La lezione lo chiama un effetto collaterale che si rivela utile: l'oscillazione fa da rumore "
        "aggiunto all'ingresso, un regolarizzatore che rende più difficile l'overfitting."
    ),
    "batchnorm.jitter.bs.label": "Dimensione del batch da evidenziare",
    "batchnorm.jitter.bs.help": "La dimensione del batch disegnata a colori e citata nelle note. La rete si addestra "
    "sempre con batch da 32.",
    "batchnorm.jitter.title_draws": "La loss di un esempio in {draws} batch casuali",
    "batchnorm.jitter.x": "dimensione del batch",
    "batchnorm.jitter.y_loss": "loss dell'esempio fisso",
    "batchnorm.jitter.legend": "dimensione del batch",
    "batchnorm.jitter.chosen": "batch da {bs}",
    "batchnorm.jitter.others": "le altre dimensioni",
    "batchnorm.jitter.alt_draws": "Punti: la loss dell'esempio fisso in ciascuno di {draws} batch casuali, per batch da "
    "{lo} a {hi}; con {bs} la sua deviazione standard è {loss:.3f}.",
    "batchnorm.jitter.title_spread": "Quanto oscilla, secondo la dimensione del batch",
    "batchnorm.jitter.y_spread": "dev. std. sui batch casuali",
    "batchnorm.jitter.legend_spread": "deviazione standard di",
    "batchnorm.jitter.out_std": "le sue uscite della BN (media sui neuroni)",
    "batchnorm.jitter.loss_std": "la sua loss",
    "batchnorm.jitter.alt_spread": "Linee: la deviazione standard delle uscite della BN dell'esempio scende da "
    "{out_lo:.3f} con batch da {lo} a {out_hi:.3f} con {hi}, e quella della sua loss da {loss_lo:.3f} a "
    "{loss_hi:.3f}.",
    "batchnorm.jitter.notice": "con batch da {bs} la loss dello stesso esempio varia con una deviazione standard di "
    "{loss:.3f} e le sue uscite della BN di {out:.3f}; da {lo} a {hi} esempi per batch l'oscillazione delle uscite "
    "scende da {out_lo:.3f} a {out_hi:.3f}.",
    # -- 3. statistiche mobili --------------------------------------------------------------------
    "batchnorm.run.header": "3. Addestramento contro inferenza",
    "batchnorm.run.body": (
        "Una rete addestrata deve rispondere anche a un esempio da solo, e nello stesso modo chiunque ci sia "
        "intorno. Così, mentre si addestra, la BatchNorm tiene anche una media e una deviazione standard mobili di "
        "ogni neurone, spinte verso quelle di ogni batch: `running = (1 - momentum) × running + momentum × batch`. "
        "Il momentum della lezione è 0,001: con batch da 32 le statistiche di ogni batch sono rumorose, e un "
        "momentum piccolo ne fa la media su molti (circa 1/momentum batch). Le linee tratteggiate sono le "
        "statistiche *calibrate* dopo l'addestramento su tutto l'insieme di addestramento, il primo modo della "
        "lezione."
    ),
    "batchnorm.run.inference": "**All'inferenza questa pagina usa le statistiche mobili, come la lezione** (la colonna "
    "★ della tabella qui sotto): non serve alcun batch, e anche un esempio da solo ottiene una risposta.",
    "batchnorm.run.mom.label": "Momentum delle statistiche mobili",
    "batchnorm.run.mom.help": "Di quanto ogni batch sposta la media e la deviazione standard mobili. 0,001 è quello "
    "della lezione; momentum più grandi seguono i batch più in fretta e con più rumore.",
    "batchnorm.run.title_mean": "Media mobile di {n} neuroni, momentum {mom:g}",
    "batchnorm.run.title_std": "Dev. std. mobile di {n} neuroni, momentum {mom:g}",
    "batchnorm.run.x": "passo",
    "batchnorm.run.y_mean": "media mobile",
    "batchnorm.run.y_std": "deviazione standard mobile",
    "batchnorm.run.legend": "neurone (tratteggio: calibrata)",
    "batchnorm.run.neuron": "neurone {n}",
    "batchnorm.run.calibrated": "calibrata dopo l'addestramento",
    "batchnorm.run.alt_mean": "Linee: la media mobile di {n} neuroni lungo {steps:,} passi con momentum {mom:g}, "
    "ciascuna con la sua media calibrata tratteggiata; alla fine distano in media {gap_mean:.3f} su tutti i neuroni.",
    "batchnorm.run.alt_std": "Linee: la deviazione standard mobile di {n} neuroni lungo {steps:,} passi con momentum "
    "{mom:g}, ciascuna con quella calibrata tratteggiata; alla fine distano in media {gap_std:.3f} su tutti i "
    "neuroni.",
    "batchnorm.run.notice": "dopo {steps:,} passi con momentum {mom:g} le statistiche mobili distano in media, sui "
    "200 neuroni, {gap_mean:.3f} dalla media calibrata e {gap_std:.3f} dalla deviazione standard calibrata. La "
    "media mobile parte da 0 e la deviazione standard da 1: con momentum 0,001 servono migliaia di passi per "
    "arrivarci (la lezione ne fa 200.000); un momentum più grande ci arriva prima ma traballa a ogni batch.",
    "batchnorm.run.table.split": "insieme",
    "batchnorm.run.table.train": "addestramento",
    "batchnorm.run.table.val": "validazione",
    "batchnorm.run.table.batch": "loss con statistiche del batch",
    "batchnorm.run.table.running": "loss con statistiche mobili",
    "batchnorm.run.table.calibrated": "loss con statistiche calibrate",
    "batchnorm.run.table.close": "i tre modi danno quasi la stessa loss di validazione ({batch:.4f} con le statistiche "
    "di ogni minibatch, {running:.4f} mobili, {calibrated:.4f} calibrate): le statistiche mobili sostituiscono la "
    "calibrazione, e all'inferenza non serve alcun batch.",
    "batchnorm.run.table.far": "le statistiche mobili non sono ancora arrivate: loss di validazione {running:.4f} con "
    "loro contro {calibrated:.4f} con quelle calibrate (e {batch:.4f} con quelle di ogni minibatch). Con momentum "
    "{mom:g}, {steps:,} passi sono troppo pochi per dimenticare il punto di partenza (media 0, deviazione standard "
    "1): addestra più a lungo, o prova un momentum più grande.",
    "batchnorm.run.single.nan": (
        "**Un esempio da solo non può usare le statistiche del batch.** La deviazione standard di un batch di un "
        "solo esempio è la radice della sua varianza, e la varianza corretta di un solo valore è 0 / 0 (divide per "
        "n − 1 = 0): l'uscita sarebbe NaN. Anche una varianza non corretta sarebbe 0 e ridurrebbe ogni neurone al "
        "solo bnbias. Per questo una rete con BatchNorm addestrata risponde con le statistiche mobili (o "
        "calibrate), mai con quelle del batch."
    ),
    "batchnorm.run.single.finite": "Un esempio da solo ha dato uscite finite con le sue statistiche del batch in "
    "questa impostazione; con un solo esempio però non portano alcuna informazione, ed è per questo che si usano "
    "le statistiche mobili.",
    # -- 4. il bias sprecato ----------------------------------------------------------------------
    "batchnorm.grad.header": "4. Un bias prima della BatchNorm è sprecato",
    "batchnorm.grad.body": (
        "b1 aggiunge lo stesso numero alla pre-attivazione di un neurone per ogni esempio del batch; poi la "
        "BatchNorm sottrae la media del batch, che è salita esattamente di quel numero. Qualunque sia b1, l'uscita "
        "è la stessa: il suo gradiente è zero (a meno degli arrotondamenti in virgola mobile) e non impara mai. "
        "Il bias della BatchNorm, `bnbias`, fa il suo lavoro; la lezione toglie b1 dallo strato Linear "
        "(`bias=False`)."
    ),
    "batchnorm.grad.metric_b1": "|dL/db1| massimo durante l'addestramento",
    "batchnorm.grad.metric_bb": "|dL/dbnbias| massimo durante l'addestramento",
    "batchnorm.grad.b1": "b1 (bias del Linear, prima della BN)",
    "batchnorm.grad.bnbias": "bnbias (bias della BatchNorm)",
    "batchnorm.grad.title": "Gradienti dei due bias lungo {steps:,} passi",
    "batchnorm.grad.x": "passo",
    "batchnorm.grad.y": "|gradiente| massimo (scala log)",
    "batchnorm.grad.legend": "parametro",
    "batchnorm.grad.alt": "Linee in scala logaritmica: il gradiente massimo di b1 resta al livello degli "
    "arrotondamenti (al più {b1}) mentre quello di bnbias è circa {bb}.",
    "batchnorm.grad.notice.wasted": "il gradiente di b1, al più {b1}, è rumore di arrotondamento (float32 tiene circa "
    "7 cifre significative) accanto a quello di bnbias, {bb}: b1 è sprecato.",
    "batchnorm.grad.notice.not": "qui il gradiente di b1 (al più {b1}) non è trascurabile rispetto a quello di bnbias "
    "({bb}): anche bnbias ha ricevuto quasi nessun gradiente in questa impostazione.",
    # -- 5. esplorazione del guadagno -------------------------------------------------------------
    "batchnorm.sweep.header": "5. La BatchNorm rende l'inizializzazione meno fragile",
    "batchnorm.sweep.body": (
        "Senza BatchNorm il guadagno di inizializzazione decide se le pre-attivazioni svaniscono o saturano, e un "
        "guadagno sbagliato costa loss. Con la BatchNorm le pre-attivazioni di ogni strato sono standardizzate "
        "qualunque sia la scala dei pesi, quindi la loss finale dipende appena dal guadagno. Il guadagno però cambia "
        "ancora qualcosa: la scala dei pesi, e con essa quanto è grande ogni aggiornamento rispetto ai pesi (il "
        "rapporto update:data), quindi il tasso di apprendimento andrebbe ritoccato, come nota la lezione."
    ),
    "batchnorm.sweep.caption": "{n} reti addestrate insieme: guadagni da 0,2 a 5 (il 5/3 di Kaiming nel mezzo), "
    "ciascuna con e senza BatchNorm, {name}, {steps:,} passi con batch 32 e lr 0,1, loss finali su {eval:,} esempi "
    "di ogni insieme. Qui la BatchNorm usa le statistiche mobili in valutazione.",
    "batchnorm.sweep.with": "con BN",
    "batchnorm.sweep.without": "senza BN",
    "batchnorm.sweep.series": "{bn}, {split}",
    "batchnorm.sweep.title": "Loss finale secondo il guadagno di inizializzazione",
    "batchnorm.sweep.x": "guadagno di inizializzazione (scala log)",
    "batchnorm.sweep.y": "loss finale",
    "batchnorm.sweep.legend": "rete",
    "batchnorm.sweep.alt": "Linee: la loss finale di addestramento e di validazione secondo il guadagno da {lo:g} a "
    "{hi:g}; la loss di validazione varia di {without:.3f} sui guadagni senza BatchNorm e di {with_:.3f} con.",
    "batchnorm.sweep.notice": "sui guadagni da {lo:g} a {hi:g} la loss di validazione finale varia di {without:.3f} "
    "senza BatchNorm e di {with_:.3f} con.",
    "batchnorm.sweep.ratio_title": "Rapporto update:data di W1 secondo il guadagno",
    "batchnorm.sweep.ratio_y": "rapporto update:data (log10)",
    "batchnorm.sweep.guide": "la guida della lezione, −3",
    "batchnorm.sweep.ratio_alt": "Linee: il rapporto update:data (log10) di W1 alla fine dell'addestramento secondo il "
    "guadagno; con la BatchNorm va da {r_lo:.2f} al guadagno {lo:g} a {r_hi:.2f} al guadagno {hi:g}.",
    "batchnorm.sweep.diverged": "{n} delle {total} reti divergono (la loss diventa NaN/inf): non hanno una loss "
    "finale e non compaiono nei grafici.",
    "batchnorm.sweep.ratio_alt_diverged": "Linee: il rapporto update:data (log10) di W1 alla fine dell'addestramento "
    "secondo il guadagno, con e senza BatchNorm, per le reti che non divergono.",
    "batchnorm.sweep.ratio_notice": "Eppure con la BatchNorm il guadagno conta ancora: il rapporto update:data di W1 "
    "va da {r_lo:.2f} al guadagno {lo:g} a {r_hi:.2f} al guadagno {hi:g} (pesi più grandi, passi relativamente più "
    "piccoli).",
}
