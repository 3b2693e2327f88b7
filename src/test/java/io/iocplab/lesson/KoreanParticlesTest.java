package io.iocplab.lesson;

import static io.iocplab.lesson.KoreanParticles.Particle.EUL_REUL;
import static io.iocplab.lesson.KoreanParticles.Particle.EUN_NEUN;
import static io.iocplab.lesson.KoreanParticles.Particle.EURO_RO;
import static io.iocplab.lesson.KoreanParticles.Particle.GWA_WA;
import static io.iocplab.lesson.KoreanParticles.Particle.I_GA;
import static io.iocplab.lesson.KoreanParticles.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iocplab.kernel.Release;
import io.iocplab.sim.event.CallResult;
import org.junit.jupiter.api.Test;

/** The particle a Korean reader expects after each kind of word the program fills in. */
class KoreanParticlesTest {
    @Test
    void hangulBySyllable() {
        assertEquals("전환으로", with("전환", EURO_RO));
        assertEquals("종료로", with("종료", EURO_RO));
        assertEquals("호출로", with("호출", EURO_RO), "ㄹ takes 로");
        assertEquals("패킷을", with("패킷", EUL_REUL));
        assertEquals("바이트를", with("바이트", EUL_REUL));
        assertEquals("스레드가", with("스레드", I_GA));
        assertEquals("작업이", with("작업", I_GA));
        assertEquals("큐는", with("큐", EUN_NEUN));
        assertEquals("키와", with("키", GWA_WA));
        assertEquals("값과", with("값", GWA_WA));
    }

    @Test
    void latinWordsByTheirReading() {
        assertEquals("Sleep으로", with("Sleep", EURO_RO), "슬립");
        assertEquals("Compute로", with("Compute", EURO_RO), "컴퓨트");
        assertEquals("closesocket으로", with("closesocket", EURO_RO), "클로즈소켓");
        assertEquals("CloseHandle로", with("CloseHandle", EURO_RO), "핸들: ㄹ");
        assertEquals("WSARecv를", with("WSARecv", EUL_REUL), "리시브");
        assertEquals("GetQueuedCompletionStatus가", with("GetQueuedCompletionStatus", I_GA));
        assertEquals("NULL은", with("NULL", EUN_NEUN), "널");
        assertEquals("NULL로", with("NULL", EURO_RO));
        assertEquals("TRUE를", with("TRUE", EUL_REUL));
        assertEquals("JOB을", with("JOB", EUL_REUL), "잡");
        assertEquals("RST가", with("RST", I_GA), "알에스티");
        assertEquals("FIN을", with("FIN", EUL_REUL), "핀");
        assertEquals("WSAECONNRESET이", with("WSAECONNRESET", I_GA), "...리셋");
        assertEquals("WAIT_TIMEOUT이", with("WAIT_TIMEOUT", I_GA), "타임아웃");
        assertEquals("WAIT_TIMEOUT으로", with("WAIT_TIMEOUT", EURO_RO));
        assertEquals("WSA_IO_PENDING을", with("WSA_IO_PENDING", EUL_REUL), "펜딩");
        assertEquals("A를", with("A", EUL_REUL), "에이");
        assertEquals("L로", with("L", EURO_RO), "엘");
        assertEquals("M을", with("M", EUL_REUL), "엠");
        assertEquals("socket은", with("socket", EUN_NEUN), "소켓");
        assertEquals("port는", with("port", EUN_NEUN), "포트");
    }

    @Test
    void namesWithDigitsByTheNumber() {
        assertEquals("T1로", with("T1", EURO_RO), "티 일: ㄹ");
        assertEquals("T1이", with("T1", I_GA));
        assertEquals("T2가", with("T2", I_GA), "이");
        assertEquals("T3을", with("T3", EUL_REUL), "삼");
        assertEquals("W6은", with("W6", EUN_NEUN), "육");
        assertEquals("W8로", with("W8", EURO_RO), "팔");
        assertEquals("R9를", with("R9", EUL_REUL), "구");
        assertEquals("0으로", with("0", EURO_RO), "영");
        assertEquals("10으로", with("10", EURO_RO), "십");
        assertEquals("100을", with("100", EUL_REUL), "백");
        assertEquals("2000이", with("2000", I_GA), "천");
        assertEquals("10,000은", with("10,000", EUN_NEUN), "만");
        assertEquals("0.5로", with("0.5", EURO_RO), "오");
        assertEquals("64가", with("64", I_GA), "사");
        assertEquals("258이", with("258", I_GA), "팔");
        assertEquals("5.050 ms로", with("5.050 ms", EURO_RO), "밀리초");
    }

    @Test
    void theEnginesSentencesUseThem() {
        assertEquals("T2의 Sleep으로 실행 중인 스레드 수가 줄어서, 포트가 큐에 있던 패킷을 가장 최근의 대기 스레드에게 "
                + "넘겼습니다", Words.release(freedBy(Release.Cause.SLEPT)).ko());
        assertEquals("T2의 다른 포트 전환으로 실행 중인 스레드 수가 줄어서, 포트가 큐에 있던 패킷을 가장 최근의 대기 "
                + "스레드에게 넘겼습니다", Words.release(freedBy(Release.Cause.SWITCHED_PORT)).ko());
        assertEquals("T2의 블로킹 호출로 실행 중인 스레드 수가 줄어서, 포트가 큐에 있던 패킷을 가장 최근의 대기 스레드에게 "
                + "넘겼습니다", Words.release(freedBy(Release.Cause.BLOCKED_IN_IO)).ko());
    }

    /** A packet T2 freed for another thread: the cause is T2's. */
    private static CallResult freedBy(Release.Cause cause) {
        return new CallResult.Dequeued("P", null, cause, "T2");
    }

    @Test
    void theWordBeforeAParenthesisDecides() {
        assertEquals("일시 중단(SuspendThread)으로", with("일시 중단(SuspendThread)", EURO_RO));
        assertEquals("패킷(A)을", with("패킷(A)", EUL_REUL));
        assertEquals("\"ping\"을", with("\"ping\"", EUL_REUL), "핑");
    }

    @Test
    void aParticleWrittenBothWaysIsSettledByTheWordBeforeIt() {
        assertEquals("메인 창에서 welcome.yaml을 실행합니다.", KoreanParticles.settle("메인 창에서 welcome.yaml을(를) 실행합니다."));
        assertEquals("순간 12로 돌아왔습니다", KoreanParticles.settle("순간 12(으)로 돌아왔습니다"));
        assertEquals("T3이 두 번", KoreanParticles.settle("T3이(가) 두 번"));
        assertEquals("'abc'는 정수가 아닙니다", KoreanParticles.settle("'abc'은(는) 정수가 아닙니다"));
        assertEquals("SleepEx와 W2가", KoreanParticles.settle("SleepEx과(와) W2이(가)"));
    }
}
