package io.iocplab.lesson;

import io.iocplab.kernel.Release;
import io.iocplab.kernel.Win32Error;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.ThreadState;
import java.util.Locale;

/**
 * The engine's own sentences, in English and Korean: how a cue reads, the labels of computed choices,
 * the explanations of computed answers. Korean avoids particles after names and numbers (whose form
 * depends on how they are read) by using 의, 에, 개 and similar invariant forms.
 */
final class Words {
    private Words() {}

    /** Virtual time as "5.050 ms". */
    static String ms(long us) {
        return String.format(Locale.ROOT, "%d.%03d ms", us / 1000, us % 1000);
    }

    static Text cue(Cue c) {
        if (c instanceof Cue.Start) {
            return new Text("at the start, before any thread has made a call", "시작 시점, 아직 어떤 스레드도 호출하기 전");
        }
        if (c instanceof Cue.End) {
            return new Text("at the end of the run", "실행이 모두 끝난 시점");
        }
        if (c instanceof Cue.Time t) {
            return new Text("at " + ms(t.us()), ms(t.us()) + " 시점");
        }
        if (c instanceof Cue.Call call) {
            String who = call.thread() == null ? "" : call.thread();
            String api = call.api().name();
            String en = (who.isEmpty() ? "a call to " + api : who + "'s " + api) + " returns";
            String ko = (who.isEmpty() ? "" : who + "의 ") + api + " 호출이";
            boolean wsa = call.api().returns() != Api.Returns.BOOL;
            if (call.returns() == null) {
                ko += " 반환할 때";
            } else if (wsa) {
                en += call.returns() ? " success" : " failure";
                ko += call.returns() ? " 성공할 때" : " 실패할 때";
            } else {
                en += call.returns() ? " TRUE" : " FALSE";
                ko += call.returns() ? " TRUE를 반환할 때" : " FALSE를 반환할 때";
            }
            if (call.error() != null) {
                en += " (error " + err(call.error()) + ")";
                ko += "(오류 " + err(call.error()) + ")";
            }
            return new Text("when " + en, ko);
        }
        if (c instanceof Cue.ThreadIs t) {
            Text wait = t.waitOn() == null ? null : waitOf(t.waitOn(), null, null);
            String state = switch (t.state()) {
                case RUNNING -> "is running";
                case READY -> "is ready";
                case WAITING -> wait == null ? "starts waiting" : "starts its " + wait.en();
                case EXITED -> "has exited";
            };
            String kstate = switch (t.state()) {
                case RUNNING -> "실행 중";
                case READY -> "준비(ready)";
                case WAITING -> wait == null ? "대기" : wait.ko();
                case EXITED -> "종료";
            };
            String who = t.thread() == null ? "a thread" : t.thread();
            String kwho = t.thread() == null ? "어느 스레드" : t.thread();
            return new Text("when " + who + " " + state, kwho + "의 상태가 " + kstate + " 상태로 바뀔 때");
        }
        if (c instanceof Cue.PortCount p) {
            java.util.List<String> en = new java.util.ArrayList<>();
            java.util.List<String> ko = new java.util.ArrayList<>();
            if (p.running() != null) {
                en.add("running count " + p.running());
                ko.add("실행 중인 스레드 수가 " + p.running());
            }
            if (p.queue() != null) {
                en.add(p.queue() + " queued packet" + (p.queue() == 1 ? "" : "s"));
                ko.add("큐에 있는 패킷이 " + p.queue() + "개");
            }
            if (p.waiters() != null) {
                en.add(p.waiters() + " waiting thread" + (p.waiters() == 1 ? "" : "s"));
                ko.add("대기 스레드가 " + p.waiters() + "개");
            }
            if (en.isEmpty()) {
                return new Text("when port " + p.port() + " changes", "포트 " + p.port() + "의 상태가 바뀔 때");
            }
            return new Text("when port " + p.port() + " has " + String.join(", ", en),
                    "포트 " + p.port() + "의 " + String.join("이고, ", ko) + "일 때");
        }
        if (c instanceof Cue.Io io) {
            String what = (io.overlapped() == null ? "an overlapped operation" : "the operation with OVERLAPPED "
                    + io.overlapped()) + (io.socket() == null ? "" : " on " + io.socket());
            String kwhat = (io.socket() == null ? "" : io.socket() + "의 ")
                    + (io.overlapped() == null ? "overlapped 작업" : "OVERLAPPED " + io.overlapped() + " 작업");
            String status = io.status() == null ? "" : " with status " + err(io.status());
            String kstatus = io.status() == null ? "" : "(상태 " + err(io.status()) + ")";
            return new Text("when " + what + " completes" + status, kwhat + "이 완료될 때" + kstatus);
        }
        if (c instanceof Cue.Peer p) {
            String sock = p.socket() == null ? "a peer" : "the peer of " + p.socket();
            String ksock = p.socket() == null ? "피어" : p.socket() + "의 피어";
            return new Text("when " + sock + " does " + p.action(), ksock + "에서 " + p.action() + " 동작이 일어날 때");
        }
        throw new IllegalArgumentException(c.toString());
    }

    /**
     * What a thread waits on, as a noun in words rather than the trace's state name: "wait on port P",
     * "Sleep", "blocking call (recv)"; in Korean "P 포트 대기", "Sleep 대기" (every Korean form ends in 대기,
     * so the particle after it is always the same).
     *
     * @param port the port it waits on (for a wait on a port), or null when not known
     * @param call the call it waits in, or null
     */
    static Text waitOf(ThreadState.Wait wait, String port, Api call) {
        if (wait == null) {
            return new Text("wait", "대기");
        }
        String in = call == null ? "" : " (" + call.name() + ")";
        return switch (wait) {
            case PORT -> port == null ? new Text("wait on a completion port", "완료 포트 대기")
                    : new Text("wait on port " + port, port + " 포트 대기");
            case SLEEP -> new Text("Sleep", "Sleep 대기");
            case SUSPENDED -> new Text("suspension (SuspendThread)", "일시 중단(SuspendThread) 대기");
            case IO -> new Text("blocking call" + in, "블로킹 호출" + in + " 대기");
            case EVENT -> new Text("wait for an event" + in, "이벤트" + in + " 대기");
        };
    }

    /** The sentence with its first letter a capital ("at 5.050 ms" as "At 5.050 ms"). */
    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "258 (WAIT_TIMEOUT)". */
    static String err(int code) {
        String name = Win32Error.name(code);
        return name.equals(Integer.toString(code)) ? name : code + " (" + name + ")";
    }

    /** Why a GetQueuedCompletionStatus got its packet, from the {@code release} and {@code freed_by} fields. */
    static Text release(CallResult result) {
        Release.Cause release;
        String freedBy;
        if (result instanceof CallResult.Dequeued d) {
            release = d.how();
            freedBy = d.freedBy();
        } else if (result instanceof CallResult.DequeuedEx d) {
            release = d.how();
            freedBy = d.freedBy();
        } else {
            release = null;
            freedBy = null;
        }
        if (release == null) {
            return new Text("", "");
        }
        String who = freedBy == null ? "another thread" : freedBy;
        String kwho = freedBy == null ? "다른 스레드" : freedBy;
        return switch (release) {
            case IMMEDIATE -> new Text("it found the packet in the queue and took it without waiting",
                    "큐에 이미 패킷이 있어서 기다리지 않고 바로 가져갔습니다");
            case HANDED_OFF -> new Text("the running count was below the concurrency value, so the packet was "
                    + "handed straight to the most recent waiter (LIFO)",
                    "실행 중인 스레드 수가 동시 실행 값보다 작아서, 패킷이 가장 최근에 대기를 시작한 스레드에게 "
                            + "곧바로 넘어갔습니다(LIFO)");
            case SLEPT -> freed(who + " went to sleep", kwho + "의 Sleep");
            case SUSPENDED -> freed(who + " was suspended", kwho + "의 일시 중단(SuspendThread)");
            case BLOCKED_IN_IO -> freed(who + " blocked in a synchronous call", kwho + "의 블로킹 호출");
            case EXITED -> freed(who + " exited", kwho + "의 종료");
            case SWITCHED_PORT -> freed(who + " switched to another port", kwho + "의 다른 포트 전환");
        };
    }

    /** The cause, then the release; in Korean the cause takes 로 or 으로 by its final sound ("Sleep으로", "전환으로"). */
    private static Text freed(String en, String ko) {
        return new Text(en + ", which lowered the running count, so the port released the most recent waiter "
                + "with the queued packet", KoreanParticles.with(ko, KoreanParticles.Particle.EURO_RO)
                + " 실행 중인 스레드 수가 줄어서, 포트가 큐에 있던 패킷을 가장 최근의 대기 스레드에게 넘겼습니다");
    }
}
