import { PastNotice } from './PastNotice';
import { ScenariosButton } from './ScenariosDialog';
import { Timeline } from './Timeline';
import { UndoRedo } from './UndoRedo';
import './history.css';

/** Above the terminal: undo and redo, the timeline, what history is doing, and the scenarios kept in this browser. */
export function SessionBar() {
  return (
    <div className="session-bar">
      <UndoRedo />
      <Timeline />
      <PastNotice />
      <ScenariosButton />
    </div>
  );
}
