package cn.yiyang.cards.residents;

import cn.yiyang.kernel.pii.PiiProtector;
import java.util.Locale;

/**
 * What the identity function needs of a resident card to bind a WeChat account: the keyed index of
 * the resident's phone (the same index the registry's hotline look-up uses) and a keyed index of the
 * last four characters of the ID number, bound to the resident. Neither reveals anything without
 * the PII index key; together with WeChat's verified phone they prove who is binding.
 */
public record ResidentSignInKeys(byte[] phoneIndex, byte[] idTailIndex) {

    /** The registry's kind for phone indexes ({@code Resident.PHONE}). */
    public static final String PHONE = "phone";
    public static final String ID_TAIL = "idNumberTail";
    public static final int ID_TAIL_CHARS = 4;

    /** The keys of a resident with this normalised phone (null when none) and ID number tail. */
    public static ResidentSignInKeys of(PiiProtector pii, String county, String residentId, String phoneOrNull,
                                        String idNumberTail) {
        return new ResidentSignInKeys(phoneOrNull == null ? null : phoneIndex(pii, county, phoneOrNull),
                idTailIndex(pii, county, residentId, idNumberTail));
    }

    public static byte[] phoneIndex(PiiProtector pii, String county, String normalisedPhone) {
        return pii.index(county, PHONE, normalisedPhone);
    }

    public static byte[] idTailIndex(PiiProtector pii, String county, String residentId, String idNumberTail) {
        return pii.index(county, ID_TAIL, residentId + "|" + idNumberTail.toUpperCase(Locale.ROOT));
    }
}
