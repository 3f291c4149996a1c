import { hasStoredProgress } from '../../components/exercise/has-progress.ts';
import { PROGRESS_KEY } from '../progress/progress-key.ts';
import {
  describeLessonProgress,
  summariseCourse,
  type CourseProgress,
  type LessonExercises,
} from '../progress/summary.ts';

/**
 * Fills the lesson statuses on the course home and the progress page from the saved exercise
 * progress. The lessons and their exercise ids come from the page (a JSON script); the store (and
 * its validator) is loaded only when something is saved.
 */
function render(course: CourseProgress) {
  for (const lesson of course.lessons) {
    for (const slot of document.querySelectorAll<HTMLElement>(`[data-lesson-status="${lesson.id}"]`)) {
      slot.textContent = describeLessonProgress(lesson);
      slot.dataset['status'] = lesson.status;
    }
  }
  for (const slot of document.querySelectorAll<HTMLElement>('[data-course-total]')) {
    slot.textContent = `${course.solved} of ${course.total} exercises solved.`;
  }
  for (const slot of document.querySelectorAll<HTMLElement>('[data-next-lesson]')) {
    const link = slot.querySelector('a');
    const next = course.next;
    if (!link) continue;
    if (next) {
      const started = next.status === 'in-progress';
      slot.firstChild!.textContent = started ? 'Next: finish the exercises of ' : 'Next: start ';
      link.textContent = next.title;
      link.href = `${link.dataset['base'] ?? '/'}lessons/${next.id}/#practice`;
    } else {
      slot.textContent = 'Every exercise is solved. Try a mixed practice set to keep it fresh.';
    }
  }
}

export async function showCourseProgress() {
  const data = document.querySelector('#course-lessons')?.textContent;
  if (!data) return;
  const lessons = JSON.parse(data) as LessonExercises[];
  if (!hasStoredProgress()) {
    render(summariseCourse(lessons, {}));
    // Progress saved in another tab: from then on the store follows it (its own `storage` listener).
    const wake = (event: StorageEvent) => {
      if (event.key !== PROGRESS_KEY && event.key !== null) return;
      window.removeEventListener('storage', wake);
      void follow(lessons);
    };
    window.addEventListener('storage', wake);
    return;
  }
  await follow(lessons);
}

/** Renders from the progress store now and after every change to it (here or in another tab). */
async function follow(lessons: LessonExercises[]) {
  const { progressStore } = await import('../../components/exercise/progress-client.ts');
  const store = progressStore();
  render(summariseCourse(lessons, store.all()));
  store.subscribe((entries) => render(summariseCourse(lessons, entries)));
}
