package org.mfaharness.verify.eam;

import java.util.Map;
import java.util.Set;

/** The acr and amr values Entra accepts from an EAM provider, and the authentication type of each amr (spec §3). */
public final class EamVocabulary {
    /** The acr values Entra may request. */
    public static final Set<String> ACR_VALUES = Set.of("possessionorinherence", "knowledgeorpossession",
            "knowledgeorinherence", "knowledgeorpossessionorinherence", "knowledge", "possession", "inherence");

    /** Authentication factor types. */
    public enum Type { KNOWLEDGE, POSSESSION, INHERENCE }

    /** The amr values Entra accepts, with their type. */
    public static final Map<String, Type> AMR_TYPES = Map.ofEntries(
            Map.entry("fido", Type.POSSESSION), Map.entry("hwk", Type.POSSESSION), Map.entry("otp", Type.POSSESSION),
            Map.entry("pop", Type.POSSESSION), Map.entry("sc", Type.POSSESSION), Map.entry("sms", Type.POSSESSION),
            Map.entry("swk", Type.POSSESSION), Map.entry("tel", Type.POSSESSION),
            Map.entry("face", Type.INHERENCE), Map.entry("fpt", Type.INHERENCE), Map.entry("iris", Type.INHERENCE),
            Map.entry("retina", Type.INHERENCE), Map.entry("vbm", Type.INHERENCE));

    private EamVocabulary() {
    }

    /** Whether an acr value admits a factor of {@code type}. */
    public static boolean acrAdmits(String acr, Type type) {
        return acr.contains(type.name().toLowerCase(java.util.Locale.ROOT));
    }
}
