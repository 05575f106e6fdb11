package cn.yiyang.bookings.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.bookings.catalog.SubsidyShares;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pricing and the service subsidy without a door: the catalog's shares per category, in whole fen. */
class PriceTest {

    private static final String DEFAULT_SHARES = "TEKUN:100,SHINENG:80,DIBAO:50";

    @ParameterizedTest(name = "{0} fen for [{1}]: {2}%, subsidy {3}, pays {4}")
    @CsvSource(delimiter = '|', value = {
            "8000 | SHINENG        | 80  | 6400 | 1600",
            "8000 | TEKUN          | 100 | 8000 | 0",
            "6000 | DIBAO          | 50  | 3000 | 3000",
            "1500 | DIBAO          | 50  | 750  | 750",
            "1001 | DIBAO          | 50  | 500  | 501",
            "3000 | ''             | 0   | 0    | 3000",
            "3000 | GAOLING        | 0   | 0    | 3000",
            "9000 | DIBAO SHINENG  | 80  | 7200 | 1800",
            "9000 | TEKUN DIBAO    | 100 | 9000 | 0",
            "0    | TEKUN          | 100 | 0    | 0",
    })
    void aResident_getsTheLargestShareOfTheirCategories_roundedDownToTheFen(long priceFen, String categories,
                                                                          int percent, long subsidyFen, long payFen) {
        Set<String> theirs = categories.isBlank() ? Set.of() : Set.of(categories.split(" "));

        Price price = Price.of(priceFen, SubsidyShares.percentFor(DEFAULT_SHARES, theirs));

        assertThat(price).isEqualTo(new Price(priceFen, percent, subsidyFen, payFen));
        assertThat(price.subsidyFen() + price.payFen()).as("the books add up").isEqualTo(priceFen);
    }

    @ParameterizedTest(name = "shares ''{0}'' for [{1}]: {2}%")
    @CsvSource(delimiter = '|', value = {
            "''                 | TEKUN   | 0",
            "TEKUN:100          | DIBAO   | 0",
            "TEKUN:100          | TEKUN   | 100",
            "DIBAO:30,DIBAO2:90 | DIBAO   | 30",
            "SHINENG:80,DIBAO:50 | SHINENG | 80",
    })
    void theShares_matchWholeCategoryNames(String shares, String category, int percent) {
        assertThat(SubsidyShares.percentFor(shares, Set.of(category))).isEqualTo(percent);
        assertThat(SubsidyShares.percentFor(null, Set.of(category))).isZero();
    }

    @ParameterizedTest(name = "{0}% is not a share")
    @CsvSource({"-1", "101"})
    void aShareOutside0To100_isADefect_notAPrice(int percent) {
        assertThatThrownBy(() -> Price.of(1000, percent)).isInstanceOf(IllegalArgumentException.class);
    }
}
