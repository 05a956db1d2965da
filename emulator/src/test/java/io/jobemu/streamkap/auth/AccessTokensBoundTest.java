package io.jobemu.streamkap.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.streamkap.StreamkapCredentials;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A client asking for tokens while the clock stands still cannot grow the token store past its bounds. */
class AccessTokensBoundTest {

    @Test
    void pastItsCountTheOldestTokensAreForgottenAndCounted() {
        AccessTokens tokens = new AccessTokens(new EmulatorClock(EmulatorClock.Mode.MANUAL),
                new IdGenerator(new Random(7)), StreamkapCredentials.DEFAULT);
        StreamkapCredentials client = StreamkapCredentials.DEFAULT;
        AccessTokens.Grant first = tokens.exchange(client.clientId(), client.secret()).orElseThrow();
        AccessTokens.Grant last = first;
        for (int i = 0; i < AccessTokens.MAX_TOKENS + 2; i++) {
            last = tokens.exchange(client.clientId(), client.secret()).orElseThrow();
        }

        List<AccessTokens.Token> kept = tokens.accessTokens();
        assertThat(kept).hasSize(AccessTokens.MAX_TOKENS);
        assertThat(kept.get(kept.size() - 1)).isEqualTo(last.access());
        assertThat(tokens.forgotten()).isEqualTo(6);
        assertThat(tokens.clientOf(first.access().value())).isEmpty();
        assertThat(tokens.refresh(first.refresh().value())).isEmpty();
        assertThat(tokens.clientOf(last.access().value())).contains(client.clientId());
    }

    @Test
    void pastItsBytesTheOldestTokensAreForgottenBeforeTheCountIsReached() {
        StreamkapCredentials client = new StreamkapCredentials("c".repeat(8 * 1024), "secret");
        AccessTokens tokens = new AccessTokens(new EmulatorClock(EmulatorClock.Mode.MANUAL),
                new IdGenerator(new Random(7)), client);
        for (int i = 0; i < 5_000; i++) {
            tokens.exchange(client.clientId(), client.secret()).orElseThrow();
        }

        int kept = tokens.accessTokens().size();
        long keptBytes = (long) kept * 2 * (client.clientId().length() + tokens.accessTokens().get(0).value().length());
        assertThat(kept).isLessThan(5_000);
        assertThat(keptBytes).isLessThanOrEqualTo(AccessTokens.MAX_TOKEN_BYTES);
        // refresh tokens carry the client id too, and go the same way
        assertThat(tokens.forgotten()).isGreaterThan(5_000 - kept);
    }
}
