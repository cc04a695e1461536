TEXT = {
    "deep.title": "Salute di una rete profonda: leggerla a colpo d'occhio",
    "deep.what": (
        "L'MLP profondo della lezione, 5 strati nascosti da 100 unità, addestrato dal vivo sui dati dei nomi. Cambia "
        "l'attivazione, il guadagno di inizializzazione, la BatchNorm o il tasso di apprendimento (learning rate), e "
        "guarda reagire le statistiche di ogni strato.  \n"
        "Vedrai il segnale svanire, esplodere o saturare attraversando gli strati, i gradienti che tornano indietro, "
        "e se ogni passo di addestramento cambia i pesi di un sano ~1/1000."
    ),
    # -- controlli -------------------------------------------------------------------------
    "deep.act.label": "Attivazione",
    "deep.act.help": "La non linearità dopo ogni strato nascosto. La lezione usa tanh. (Maxout è esclusa: "
    "cambia la larghezza degli strati.)",
    "deep.lin.label": "Solo strati lineari (nessuna attivazione)",
    "deep.lin.help": "Rimuove le attivazioni: resta una pila di semplici prodotti tra matrici. Senza nulla che "
    "schiacci il segnale, è il guadagno da solo a decidere se il segnale si restringe (guadagno < 1) "
    "o cresce (guadagno > 1) strato dopo strato.",
    "deep.linear_name": "solo lineare",
    "deep.bn.label": "BatchNorm dopo ogni Linear",
    "deep.bn.help": "Linear → BatchNorm → attivazione, come nella lezione. La BatchNorm standardizza ogni unità sul "
    "batch, poi la riscala con un guadagno e un bias appresi.",
    "deep.bn.on": " + BatchNorm",
    "deep.gain.label": "Guadagno di inizializzazione",
    "deep.gain.help": "Ogni matrice di pesi nascosta parte come randn(fan_in, fan_out) / √fan_in × guadagno. "
    "Il guadagno consigliato per {name} è {rec:.3f}.",
    "deep.gain.presets": "Preset della lezione (★ = consigliato per {name}, guadagno {rec:.3f}):",
    "deep.gain.button": "guadagno {gain}",
    "deep.gain.button_rec": "guadagno {gain} ★",
    "deep.gain.rec_button": "★ consigliato ({rec:.2f})",
    "deep.lr.label": "Tasso di apprendimento (scala log)",
    "deep.lr.help": "Il passo di SGD. La lezione usa 0,1. Ogni tacca lo moltiplica per circa 2 o 2,5.",
    "deep.steps.label": "Passi di addestramento",
    "deep.steps.help": "Passi di SGD su minibatch (batch 32). 1000 passi richiedono un paio di secondi; 0 mostra la "
    "rete solo all'inizializzazione.",
    "deep.phase.label": "Mostra la rete",
    "deep.phase.help": "La rete all'inizio (prima di qualsiasi passo), addestrata, oppure le due affiancate.",
    "deep.phase.both": "affiancate",
    "deep.phase.init": "all'inizio",
    "deep.phase.after": "addestrata",
    "deep.fixed": (
        "Fissi: 5 strati nascosti da 100 unità, senza bias (come nella lezione), embedding di dimensione 10, contesto "
        "di 3 caratteri, batch 32, seed 2147483647; lo strato di output parte ×0,1, così la prima softmax non sbaglia "
        "con sicurezza. Le statistiche sono misurate su 1000 esempi di addestramento."
    ),
    "deep.variant": "La tua rete ({name}, guadagno {gain}, lr {lr:g}{bn})",
    "deep.no_trained": "I passi di addestramento sono 0, quindi viene mostrata solo la rete all'inizializzazione.",
    "deep.no_trained_diverged": "L'addestramento è andato in divergenza prima che la rete potesse essere misurata, "
    "quindi viene mostrata solo la rete all'inizializzazione.",
    "deep.init_broken": "Questa impostazione va in overflow già all'inizializzazione (valori infiniti o indefiniti), "
    "quindi non c'è niente da disegnare. Scegli un guadagno più piccolo.",
    "deep.at.init": "all'inizializzazione",
    "deep.at.after": "dopo {n} passi",
    "deep.at.before_div": "dopo {n} passi, poco prima di divergere",
    "deep.density": "densità",
    "deep.density_log": "densità (scala log)",
    "deep.log_why": "L'asse della densità è logaritmico (ogni linea della griglia vale 10× quella sotto): qui la "
    "linea più larga è {k:.0f}× più larga della più stretta, quindi su un asse lineare sarebbe {k:.0f}× più bassa e "
    "sembrerebbe piatta.",
    "deep.zoomed": "(zoom: media ± {k:g} std)",
    "deep.share": "quota di valori in questo intervallo",
    # -- metriche ---------------------------------------------------------------------------
    "deep.m.na": "—",
    "deep.m.diverged": "divergita al passo {step}",
    "deep.m.std": "Std di h, strato 1 → {L}",
    "deep.m.std_value": "{a} → {b}",
    "deep.m.std_after": "addestrata: {a} → {b}",
    "deep.m.std_help": "La dispersione degli output del primo e dell'ultimo ({L}°) strato nascosto "
    "all'inizializzazione. In una rete sana è più o meno la stessa in entrambi.",
    "deep.m.sat": "Strato 1 saturo",
    "deep.m.pct": "{v:.1f}%",
    "deep.m.pct_after": "addestrata: {v:.1f}%",
    "deep.m.sat_help": "Quota (|h| > {thr}) degli output del primo strato che all'inizializzazione cadono nelle code "
    "piatte della tanh, dove non passa quasi nessun gradiente. Nella lezione: ~20% con guadagno "
    "5/3, 40–48% con guadagno 3, 2–3% con la BatchNorm.",
    "deep.m.sat_na": "La saturazione (|h| > {thr}) si misura solo per attivazioni di tipo tanh, con output in (−1, 1).",
    "deep.m.grad": "Std grad., strato 1 ÷ {L}",
    "deep.m.x": "{v}×",
    "deep.m.x_after": "addestrata: {v}×",
    "deep.m.grad_help": "Il gradiente entra nella rete dall'alto (strato {L}) e scorre all'indietro fino allo strato 1. "
    "Circa 1× significa che mantiene la sua ampiezza; molto meno di 1 che svanisce, molto più di 1 "
    "che esplode.",
    "deep.m.upd": "Update:data (log10)",
    "deep.m.upd_help": "log10(std(lr × grad) / std(W)) mediato sulle matrici di pesi nascoste W1–W5 e sull'ultimo 10% "
    "dei passi. La regola empirica della lezione: circa −3, cioè ogni passo cambia i pesi di "
    "~1/1000.",
    "deep.m.loss": "Loss finale",
    "deep.m.loss_help": "Loss media del minibatch sugli ultimi {n} passi. Una rete che non sa nulla ottiene "
    "−ln(1/{V}) = {expected:.2f}.",
    # -- 1. attivazioni ---------------------------------------------------------------------
    "deep.act.header": "1 · Attivazioni: ogni strato trasmette un segnale della stessa ampiezza?",
    "deep.act.body": (
        "Ogni linea è la distribuzione degli output di uno strato nascosto su 1000 esempi di addestramento (gli "
        "istogrammi sovrapposti della lezione). In una pila sana le linee si somigliano: il segnale non si restringe "
        "né cresce da uno strato all'altro. Per la tanh, i picchi a ±1 sono unità **sature** (|h| > {thr}), che non "
        "lasciano passare quasi nessun gradiente. I numeri della lezione, tanh all'inizializzazione: il guadagno 5/3 "
        "dà std 0,75 → 0,66, con ~20% di unità sature nello strato 1 e 5–8% dopo; il guadagno 1 riduce la std da "
        "0,62 a 0,32; il guadagno 3 satura il 40–48%; la BatchNorm tiene ogni strato vicino a std 0,64 con il 2–3% "
        "di unità sature."
    ),
    "deep.act.title": "Attivazioni di ogni strato ({name}), {phase}",
    "deep.act.x": "output dello strato h",
    "deep.act.legend": "strato nascosto",
    "deep.act.series": "strato {layer}: media {mean:+.2f}, std {std:.2f}, sature {sat:.1f}%",
    "deep.act.series_nosat": "strato {layer}: media {mean:+.2f}, std {std:.2f}",
    "deep.act.alt": "Distribuzioni sovrapposte degli output di ogni strato nascosto {phase}; std {a:.2f} nello strato 1 "
    "e {b:.2f} nello strato {L}.",
    "deep.act.notice.steady": "La dispersione resta stabile con la profondità (std {a:.2f} nello strato 1, {b:.2f} nello "
    "strato {L}): ogni strato passa al successivo un segnale della stessa ampiezza. Nella "
    "lezione la tanh con guadagno 5/3 fa 0,75 → 0,66.",
    "deep.act.notice.shrink": "Il segnale svanisce con la profondità: std {a:.2f} nello strato 1 ma solo {b:.3f} nello "
    "strato {L}. Il guadagno è troppo piccolo, quindi ogni strato schiaccia ancora di più il "
    "segnale (lezione, guadagno 0,5: 0,41 → 0,02).",
    "deep.act.notice.grow": "Il segnale esplode con la profondità: la std, {a:.2f} nello strato 1, cresce fino a {b:.2f} "
    "nello strato {L}. Il guadagno è troppo grande rispetto a quanto schiaccia l'attivazione "
    "(lezione, strati lineari con guadagno 5/3: 1,65 → 12,8).",
    "deep.act.notice.saturated": "La std tiene ({a:.2f} → {b:.2f}), ma in media il {sat:.0f}% degli output sta nelle code "
    "piatte (|h| > 0,97), dove la tanh non lascia passare quasi nessun gradiente: il "
    "guadagno è troppo grande (lezione, guadagno 3: 40–48% di unità sature).",
    "deep.act.notice.steady_lin": "La dispersione resta costante con la profondità (std {a:.2f} nello strato 1, {b:.2f} "
    "nello strato {L}): senza attivazione, solo un guadagno di circa 1 la mantiene così.",
    "deep.act.notice.shrink_lin": "Il segnale svanisce con la profondità: std {a:.2f} nello strato 1 ma solo {b:.3f} nello "
    "strato {L}. Senza attivazione ogni strato moltiplica semplicemente la std per circa "
    "il guadagno (lezione, guadagno 0,5: 0,49 → 0,03).",
    "deep.act.notice.grow_lin": "Il segnale esplode con la profondità: la std, {a:.2f} nello strato 1, cresce fino a "
    "{b:.2f} nello strato {L}. Senza attivazione ogni strato moltiplica semplicemente la std "
    "per circa il guadagno (lezione, guadagno 5/3: 1,65 → 12,8).",
    "deep.act.notice.bn": "La BatchNorm ristandardizza l'input di ogni strato, quindi il guadagno conta poco (lezione: "
    "std ≈ 0,63–0,65, 2–3% di unità sature).",
    # -- 2. gradienti ------------------------------------------------------------------------
    "deep.grad.header": "2 · Gradienti: il segnale per imparare arriva fino ai primi strati?",
    "deep.grad.body": (
        "Il passaggio all'indietro va nella direzione opposta: il gradiente della loss entra dall'ultimo strato "
        "nascosto e scorre indietro fino allo strato 1. Ogni linea è la distribuzione del gradiente che arriva agli "
        "output di uno strato (dL/dh). In una pila sana le linee hanno più o meno la stessa larghezza, quindi ogni "
        "strato impara a una velocità simile. Con un guadagno troppo piccolo il gradiente si restringe durante il "
        "ritorno (i primi strati smettono di imparare); con uno troppo grande cresce."
    ),
    "deep.grad.title": "Gradiente che arriva agli output di ogni strato, {phase}",
    "deep.grad.x": "gradiente dL/dh",
    "deep.grad.series": "strato {layer}: std del gradiente {std:.2e}",
    "deep.grad.alt": "Distribuzioni sovrapposte del gradiente agli output di ogni strato nascosto {phase}; std {a:.2e} "
    "allo strato 1 e {b:.2e} allo strato {L}.",
    "deep.grad.notice.steady": "Il gradiente mantiene la sua ampiezza durante il ritorno: std {b:.1e} in arrivo allo "
    "strato {L}, {a:.1e} allo strato 1. Ogni strato riceve una spinta simile.",
    "deep.grad.notice.shrink": "Il gradiente svanisce durante il ritorno: std {b:.1e} allo strato {L} ma {a:.1e} allo "
    "strato 1, quindi i primi strati imparano appena.",
    "deep.grad.notice.zero": "Ogni gradiente è esattamente zero: la derivata di {name} è 0 quasi ovunque, quindi non torna "
    "indietro niente e gli strati nascosti non possono imparare. È per questo che la funzione "
    "gradino dei primi percettroni ha lasciato il posto ad attivazioni lisce.",
    "deep.grad.notice.grow": "Il gradiente cresce durante il ritorno: std {b:.1e} allo strato {L} ma {a:.1e} allo "
    "strato 1, quindi i primi strati ricevono gli aggiornamenti più grandi e più rischiosi.",
    # -- 3. gradienti dei pesi ---------------------------------------------------------------
    "deep.w.header": "3 · Gradienti dei pesi: c'è una matrice che impara molto più in fretta delle altre?",
    "deep.w.body": (
        "Ciò che SGD applica davvero: il gradiente di ogni matrice di pesi. Il numero che conta è la sua grandezza "
        "rispetto ai pesi stessi, il **rapporto grad:data** std(grad) / std(W). Se una matrice ha un rapporto molto "
        "più grande delle altre, viene addestrata molto più in fretta del resto. Qui lo strato di output parte ×0,1 "
        "(così la prima softmax non sbaglia con sicurezza): rispetto ai suoi pesi minuscoli, il suo gradiente è grande."
    ),
    "deep.w.title": "Gradiente di ogni matrice di pesi, {phase}",
    "deep.w.x": "gradiente dei pesi dL/dW",
    "deep.w.legend": "matrice di pesi",
    "deep.w.series": "{param} ({shape}): grad:data {r:.1e}",
    "deep.w.alt": "Distribuzioni sovrapposte del gradiente di ogni matrice di pesi {phase}; lo strato di output {out} ha "
    "grad:data {r_out:.1e}, quelli nascosti {r_hid:.1e} in media.",
    "deep.w.notice.out": "{out}, lo strato di output, spicca: grad:data {r_out:.1e}, {x}× la media delle matrici nascoste "
    "({r_hid:.1e}). Il grafico della lezione mostra la stessa anomalia all'inizializzazione: una "
    "matrice così all'inizio si addestra molto più in fretta delle altre, finché l'addestramento "
    "non la riallinea. Le matrici nascoste dovrebbero somigliarsi.",
    "deep.w.notice.zero": "Solo {out}, lo strato di output, riceve un gradiente (grad:data {r_out:.1e}): i gradienti delle "
    "matrici nascoste sono esattamente zero, perché attraverso {name} non torna indietro niente.",
    "deep.w.notice.even": "Tutte le matrici di pesi hanno rapporti grad:data simili (da {lo:.1e} a {hi:.1e}): nessuna "
    "matrice impara molto più in fretta delle altre, ed è proprio ciò che vuoi.",
    # -- 4. rapporto update:data --------------------------------------------------------------
    "deep.upd.header": "4 · Rapporto update:data: ogni passo cambia i pesi di ~1/1000?",
    "deep.upd.body": (
        "Per ogni matrice di pesi e ogni passo: log10( std(lr × grad) / std(W) ), cioè quanto è grande "
        "l'aggiornamento di SGD rispetto ai pesi che modifica. La regola empirica di Karpathy è circa **−3** "
        "(aggiornamenti pari a ~1/1000 dei pesi): la banda verde sta entro un fattore ~3 da quel valore, quella ambra "
        "entro ~30, il rosso oltre. Molto più in basso e la rete impara lentamente (alza il tasso di apprendimento, "
        "ora {lr:g}); molto più in alto e sta stravolgendo i propri pesi. Lo strato di output spesso sta a parte: è "
        "partito ×0,1 più piccolo, quindi lo stesso aggiornamento è grande in proporzione. Guadagni e bias della "
        "BatchNorm sono esclusi, come nella lezione: partono come costanti."
    ),
    "deep.upd.title": "Rapporto update:data di ogni matrice di pesi durante l'addestramento ({name}, lr {lr:g})",
    "deep.upd.x": "passo di addestramento",
    "deep.upd.y": "rapporto update:data (log10)",
    "deep.upd.legend": "parametro",
    "deep.upd.guide": "tratteggio: −3 (aggiornamenti ≈ 1/1000)",
    "deep.upd.zone_title": "zona",
    "deep.upd.zone.green": "sano: entro ~3× da 1e-3",
    "deep.upd.zone.amber": "attenzione: da 3× a 30× lontano da 1e-3",
    "deep.upd.zone.red": "troppo lento o troppo veloce: oltre 30× da 1e-3",
    "deep.upd.smooth": "Curve smussate: ogni linea è una media mobile su {window} passi, disegnata ogni {every} passi (i "
    "valori grezzi, passo per passo, sono molto frastagliati).",
    "deep.upd.alt": "Linee del rapporto update:data (log10) di ogni matrice di pesi lungo i passi di addestramento, con una "
    "guida tratteggiata a −3 e una banda verde da −3,5 a −2,5; i pesi nascosti finiscono a {v:.2f} (lr {lr:g}).",
    "deep.upd.alt_diverged": "Linee del rapporto update:data (log10) di ogni matrice di pesi nei {n} passi prima che la "
    "rete divergesse al passo {step}, con una guida tratteggiata a −3 e una fascia verde da −3,5 a −2,5.",
    "deep.upd.alt_no_hidden": "Linee del rapporto update:data (log10) di ogni matrice di pesi lungo i passi di "
    "addestramento, con una guida tratteggiata a −3 e una fascia verde da −3,5 a −2,5; i pesi nascosti non vengono "
    "aggiornati (lr {lr:g}).",
    "deep.upd.notice.diverged": "La rete è divergita al passo {step} (la sua loss è diventata infinita), quindi non c'è "
    "un rapporto di fine addestramento da leggere: le linee si fermano al suo ultimo passo finito, il {last}. Abbassa "
    "il tasso di apprendimento (ora {lr:g}) o scegli un guadagno più vicino a quello consigliato, {rec:.2f}.",
    "deep.upd.none": "Nessun passo di addestramento da mostrare: imposta i passi di addestramento sopra 0.",
    "deep.upd.notice.green": "Nell'ultimo 10% dei passi i pesi nascosti stanno in media a {v:.2f} (aggiornamenti ≈ "
    "{ratio:.0e} dei pesi): dentro la banda verde, proprio dove la lezione dice che dovrebbero stare.",
    "deep.upd.notice.low": "Nell'ultimo 10% dei passi i pesi nascosti stanno in media a {v:.2f} (aggiornamenti ≈ "
    "{ratio:.0e} dei pesi): un po' sotto la banda verde, quindi la rete impara piuttosto "
    "lentamente. Un tasso di apprendimento più grande (ora {lr:g}) aiuterebbe.",
    "deep.upd.notice.red_low": "Nell'ultimo 10% dei passi i pesi nascosti stanno in media a {v:.2f} (aggiornamenti ≈ "
    "{ratio:.0e} dei pesi): molto sotto la banda verde, quindi la rete impara appena. Alza il "
    "tasso di apprendimento (ora {lr:g}).",
    "deep.upd.notice.high": "Nell'ultimo 10% dei passi i pesi nascosti stanno in media a {v:.2f} (aggiornamenti ≈ "
    "{ratio:.0e} dei pesi): un po' sopra la banda verde. È normale all'inizio "
    "dell'addestramento, quando i gradienti sono ancora grandi (la lezione addestra molto più a "
    "lungo e riduce il tasso man mano); se resta qui, basterebbe un tasso di apprendimento un "
    "po' più piccolo (ora {lr:g}).",
    "deep.upd.notice.red_high": "Nell'ultimo 10% dei passi i pesi nascosti stanno in media a {v:.2f} (aggiornamenti ≈ "
    "{ratio:.0e} dei pesi): molto sopra la banda verde, quindi ogni passo riscrive una buona "
    "parte dei pesi. Abbassa il tasso di apprendimento (ora {lr:g}).",
    # -- 5. propagazione del segnale ---------------------------------------------------------
    "deep.prop.header": "5 · Propagazione del segnale all'inizializzazione: quale guadagno mantiene stabile la std con la profondità?",
    "deep.prop.body": (
        "La std degli output di ogni strato nascosto all'inizializzazione, strato per strato, per il tuo guadagno e "
        "per i preset della lezione (stessi pesi, cambia solo il guadagno). Una linea piatta indica "
        "un'inizializzazione sana. Ogni strato Linear moltiplica la std per circa il guadagno, e l'attivazione la "
        "schiaccia di nuovo: per la tanh serve un guadagno di 5/3. Con soli strati lineari non c'è nulla che "
        "schiacci, quindi resta piatto solo il guadagno 1 (lezione: il guadagno 5/3 esplode 1,65 → 12,8, il guadagno "
        "0,5 svanisce 0,49 → 0,03). L'asse y è logaritmico: un restringimento o una crescita costanti a ogni strato "
        "diventano una retta."
    ),
    "deep.prop.cmp": "Confronta con i preset 0,5; 1; 5/3 e 3 e con il guadagno consigliato ({rec:.2f})",
    "deep.prop.cmp_help": "Spento: solo il tuo guadagno.",
    "deep.prop.series": "guadagno {gain}",
    "deep.prop.yours": " (il tuo)",
    "deep.prop.rec": " ★",
    "deep.prop.title": "Std degli output di ogni strato all'inizializzazione, per guadagno ({name})",
    "deep.prop.x": "strato nascosto",
    "deep.prop.y": "std degli output dello strato (scala log)",
    "deep.prop.legend": "guadagno di inizializzazione (★ consigliato)",
    "deep.prop.alt": "Linee della std degli output di ogni strato nascosto all'inizializzazione per diversi guadagni; con "
    "il tuo va da {a:.3f} nello strato 1 a {b:.3f} nello strato {L}.",
    "deep.prop.notice.steady": "Con guadagno {gain} la std resta costante ({a:.2f} → {b:.2f} su {L} strati): il guadagno "
    "compensa ciò che ogni strato schiaccia.",
    "deep.prop.notice.shrink": "Con guadagno {gain} la std scende da {a:.2f} a {b:.3f} entro lo strato {L}: il segnale "
    "svanisce con la profondità. Prova un guadagno più grande.",
    "deep.prop.notice.grow": "Con guadagno {gain} la std cresce da {a:.2f} a {b:.2f} entro lo strato {L}: il segnale "
    "esplode con la profondità. Prova un guadagno più piccolo.",
    "deep.prop.notice.bn": "Con la BatchNorm ogni guadagno disegna la stessa linea (si sovrappongono): ogni strato viene "
    "ristandardizzato, ed è per questo che la BatchNorm rende le reti profonde molto meno "
    "sensibili all'inizializzazione.",
    "deep.prop.sat_title": "Output saturi (|h| > {thr}) per strato all'inizializzazione",
    "deep.prop.sat_y": "% di output con |h| > {thr}",
    "deep.prop.sat_alt": "Linee della percentuale di output saturi per strato nascosto all'inizializzazione, per diversi "
    "guadagni; con il tuo, {a:.1f}% nello strato 1.",
    "deep.prop.sat_notice": "Il tuo guadagno satura il {a:.1f}% dello strato 1 e il {b:.1f}% dello strato {L}. Nella "
    "lezione: guadagno 5/3 ~20% nello strato 1, poi 5–8%; guadagno 3 40–48% ovunque; guadagno 1 "
    "e inferiori quasi nulla (ma allora la std si restringe).",
    # -- numeri ------------------------------------------------------------------------------
    "deep.table.title": "I numeri dietro i grafici",
    "deep.table.phase": "quando",
    "deep.table.layer": "strato",
    "deep.table.mean": "media di h",
    "deep.table.std": "std di h",
    "deep.table.sat": "% |h| > {thr}",
    "deep.table.grad_std": "std di dL/dh",
    "deep.lecture.header": "Cosa ha trovato la lezione, e cosa provare",
    "deep.lecture.body": (
        "- **tanh, guadagno 5/3 (il valore predefinito qui):** std 0,75 nello strato 1 che si assesta intorno a "
        "~0,66, ~20% di unità sature nello strato 1 e 5–8% dopo; gradienti della stessa ampiezza in ogni strato. "
        "Una rete sana.\n"
        "- **guadagno 1:** la std si restringe da 0,62 a 0,32: la tanh schiaccia, e niente lo compensa.\n"
        "- **guadagno 0,5:** std 0,41 che svanisce fino a 0,02 entro lo strato 5; svaniscono anche i gradienti.\n"
        "- **guadagno 3:** il 40–48% delle unità è saturo in ogni strato.\n"
        "- **Solo strati lineari:** è il guadagno da solo a decidere il destino: 5/3 esplode (1,65 → 12,8), 0,5 "
        "svanisce (0,49 → 0,03), 1 resta costante. Una pila profonda di strati lineari resta comunque un'unica "
        "mappa lineare.\n"
        "- **BatchNorm attiva:** ogni strato a std ≈ 0,64 con il 2–3% di unità sature, qualunque sia il guadagno.\n"
        "- **Rapporto update:data:** vicino a −3 con lr 0,1 nel lungo addestramento della lezione (qui, dopo soli "
        "1000 passi, circa −2,4). Prova lr 0,001: passi 100× più piccoli, quindi il rapporto scende di 2, a circa −5.\n\n"
        "Prova: passa alla ReLU e confronta il suo guadagno consigliato √2 ≈ 1,41 con 5/3."
    ),
}
