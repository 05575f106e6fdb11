package cn.yiyang.residents.disclosure;

/** How the personal data was reached: the officers' identity route, or the look-up's key. */
public enum DisclosureMethod {
    IDENTITY, PHONE, LANDLINE, ID_NUMBER, NAME_BIRTH_YEAR, NAME_STREET;

    public Disclosure.Kind kind() {
        return this == IDENTITY ? Disclosure.Kind.IDENTITY : Disclosure.Kind.LOOKUP;
    }
}
