TEXT = {
    "predict.toggle": "Prima prevedi",
    "predict.toggle_help": "Prima che la pagina mostri il risultato, fai la tua previsione: la loss al passo 0, la "
    "percentuale di saturazione o quale funzione di attivazione finisce con più neuroni morti. "
    "Poi vedi il risultato e quanto ti sei avvicinato. Il link la conserva (`predict=true`).",
    "predict.title": "🤔 Prima prevedi",
    "predict.your_guess": "La tua previsione",
    "predict.placeholder": "Scrivi un numero",
    "predict.lock": "Conferma la previsione e mostra il risultato",
    "predict.empty": "Prima dai una previsione: il risultato resta nascosto finché non la confermi.",
    "predict.hidden": "Il risultato è nascosto finché non confermi una previsione. Se vuoi, cambia prima le "
    "impostazioni qui sopra: per ogni nuova impostazione ti verrà chiesta una nuova previsione.",
    "predict.again": "Prevedi di nuovo",
    "predict.grade.spot_on": "**Esatto!**",
    "predict.grade.close": "**Ci sei vicino.**",
    "predict.grade.far": "**Non proprio.**",
    "predict.number": "Hai previsto **{guess}**; {what} è **{actual}**: la tua previsione era troppo {side} di {error}.",
    "predict.high": "alta",
    "predict.low": "bassa",
    "predict.choice_right": "**Giusto!** Hai scelto **{guess}** e la risposta è **{answer}**.",
    "predict.choice_wrong": "**Non questa volta.** Hai scelto **{guess}**; la risposta è **{answer}**.",
    "predict.why": "**Perché:** {why}",
    "predict.loss.question": "La rete non è ancora stata addestrata (passo 0) e W2 è scalata di **{scale:g}**. "
    "Una previsione uniforme su {v} caratteri darebbe una loss di {expected:.2f}. "
    "**Quanto varrà davvero la loss al passo 0?**",
    "predict.loss.what": "la loss al passo 0 con W2×{scale:g}",
    "predict.loss.why_high": "i logit sono grandi (deviazione standard {std:.1f}), quindi la softmax concentra quasi "
    "tutta la probabilità su pochi caratteri, scelti a caso dall'inizializzazione. Per la "
    "maggior parte degli esempi il carattere giusto riceve una probabilità minuscola, e il "
    "-ln di un numero minuscolo è grande: la rete sbaglia con sicurezza. Ridurre W2 avvicina "
    "i logit a 0 e la loss a {expected:.2f}.",
    "predict.loss.why_near": "con una W2 così piccola i logit sono vicini a 0 (deviazione standard {std:.2f}), quindi "
    "la softmax è quasi uniforme: ogni carattere riceve circa 1/{v} e la loss vale circa "
    "-ln(1/{v}) = {expected:.2f}. È la loss da cui dovrebbe partire una rete onesta, non "
    "ancora addestrata.",
    "predict.sat.question": "Con queste impostazioni ({act}, W1×{w1}, b1×{b1}, {when}), "
    "**quale percentuale delle uscite dei neuroni nascosti sarà {state}?**",
    "predict.sat.when_init": "all'inizializzazione",
    "predict.sat.when_steps": "dopo {n:,} passi di addestramento",
    "predict.sat.state.tanh": "in saturazione (|h| > {thr})",
    "predict.sat.state.saturating": "in saturazione (gradiente quasi nullo)",
    "predict.sat.state.zero": "inattiva (gradiente nullo)",
    "predict.sat.state.never": "inattiva (con questa funzione non lo è mai)",
    "predict.sat.what": "la quota di uscite {state}",
    "predict.sat.why.tanh": "le pre-attivazioni hanno una deviazione standard di {std:.2f}, mentre la tanh è piatta "
    "oltre |x| > {x:.2f}. Più le pre-attivazioni sono larghe, più cadono sulle code piatte, "
    "dove il gradiente 1 - t² è quasi 0. Ridurre W1 le restringe.",
    "predict.sat.why.saturating": "le pre-attivazioni hanno una deviazione standard di {std:.2f}: più sono larghe, più "
    "cadono sulle code piatte della funzione, dove il gradiente quasi non passa.",
    "predict.sat.why.zero": "questa funzione dà esattamente 0 (con pendenza nulla) per ogni ingresso negativo, e "
    "all'inizializzazione circa metà delle pre-attivazioni è negativa, qualunque sia la scala. "
    "Qui la scala di W1 conta poco: conta solo il segno.",
    "predict.sat.why.never": "questa funzione ha pendenza su ogni ingresso, quindi nessun neurone è mai del tutto inattivo.",
    "predict.dead.question": "Addestri insieme {names} per {steps:,} passi con learning rate {lr:g}. "
    "**Quale funzione di attivazione finirà con più neuroni morti?**",
    "predict.dead.none": "Nessuna: nessun neurone morto",
    "predict.dead.answer_none": "nessuna: non c'è alcun neurone morto",
    "predict.dead.answer": "{names} ({dead} morti su {h})",
    "predict.dead.why_none": "con queste impostazioni ogni neurone si attiva ancora su qualche ingresso, quindi riceve "
    "un po' di gradiente. Per far morire un neurone serve una spinta che lo renda negativo su "
    "ogni ingresso: un learning rate alto, un bias grande o una cattiva inizializzazione "
    "(prova i preset «Rompila»).",
    "predict.dead.why_dead": "{names} non lascia passare alcun gradiente quando un neurone è negativo su ogni ingresso, "
    "e così niente può riportarlo in vita. Le funzioni con pendenza anche per ingressi negativi "
    "(Leaky ReLU, ELU, GELU, tanh vicino a 0) continuano a imparare; la BatchNorm mantiene "
    "centrate le pre-attivazioni.",
}
